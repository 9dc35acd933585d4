import { readFileSync } from "node:fs";
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { z } from "zod";
import { TOOL_NAMES, ToolNameSchema } from "../scenarios/tools.js";
import { JsonValueSchema, type ModelProvider, type ModelTurn, type ToolCall } from "./types.js";

/**
 * Script models: a fixed sequence of steps (DESIGN.md "Script file"), also the format of
 * recorded behaviour.
 *
 * How steps become assistant turns:
 * - `think` and `say` steps accumulate: thinks (joined by blank lines) become the next turn's
 *   private reasoning, says its visible text;
 * - each `call` or `bash` step closes one turn carrying the pending reasoning and text and that
 *   single tool call, so several calls in a row are one turn each;
 * - thinks or says left after the last call form a final turn with no tool call, which ends the
 *   episode as a final message;
 * - asked for more turns than the script has, the model answers with an empty turn and no call.
 */

export const ThinkStepSchema = z.strictObject({ think: z.string() });
export const CallStepSchema = z.strictObject({ call: ToolNameSchema, args: z.record(z.string(), JsonValueSchema).optional() });
export const BashStepSchema = z.strictObject({ bash: z.string().min(1) });
export const SayStepSchema = z.strictObject({ say: z.string() });
export const ScriptStepSchema = z.union([ThinkStepSchema, CallStepSchema, BashStepSchema, SayStepSchema]);
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

export const ScriptSchema = z.object({ steps: z.array(ScriptStepSchema).min(1) });
export type Script = z.infer<typeof ScriptSchema>;

/** A malformed or unreadable script file: a user mistake, reported in one line (CLI exit 2). */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly step: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ScriptError";
  }
}

const STEP_KINDS = ["think", "call", "bash", "say"] as const;
const ONE_OF = "a step has exactly one of think, call, bash, say";
const FIELD_RULES: Record<string, string> = {
  think: '"think" must be a string (private reasoning)',
  say: '"say" must be a string (the message to the human)',
  bash: '"bash" must be a non-empty command string',
  call: `"call" must be a tool name string; ${ONE_OF}`,
  args: '"args" must be a mapping of argument names to values, e.g. args: {filename: report.txt}',
};

export function parseScript(text: string, file: string): Script {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const at = lineCounter.linePos(syntax.pos[0]);
    throw new ScriptError(`${file}: line ${at.line}, column ${at.col}: YAML syntax error: ${syntax.message.split("\n")[0]}`, file, null, null);
  }
  const root = document.contents;
  const stepsNode = isMap(root) ? root.get("steps", true) : undefined;
  if (!isMap(root) || !isSeq(stepsNode) || stepsNode.items.length === 0) {
    throw new ScriptError(`${file}: "steps" must be a non-empty list of steps at the top level, e.g. steps: [{call: list_files}]`, file, null, "steps");
  }
  const extra = root.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key)).filter((key) => key !== "steps");
  if (extra.length > 0) throw new ScriptError(`${file}: unknown top-level field "${extra[0]}"; a script has only "steps"`, file, null, extra[0] ?? null);

  const steps = stepsNode.items.map((node, i) => parseStep(node as Node, i + 1, file, lineCounter));
  return ScriptSchema.parse({ steps });
}

function parseStep(node: Node, step: number, file: string, lineCounter: LineCounter): ScriptStep {
  const line = node.range ? lineCounter.linePos(node.range[0]).line : null;
  const fail = (message: string, field: string | null): never => {
    throw new ScriptError(`${file}: step ${step}${line === null ? "" : ` (line ${line})`}: ${message}`, file, step, field);
  };
  const value: unknown = node.toJSON();
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(`a step must be a mapping; ${ONE_OF}`, null);
  const fields = Object.keys(value);
  const kinds = fields.filter((field): field is (typeof STEP_KINDS)[number] => (STEP_KINDS as readonly string[]).includes(field));
  if (kinds.length !== 1) return fail(`${ONE_OF} (found ${kinds.length === 0 ? "none" : kinds.join(", ")})`, kinds[1] ?? null);
  const kind = kinds[0]!;
  for (const field of fields) {
    if (field === kind || (field === "args" && kind === "call")) continue;
    return fail(`unknown field "${field}"; ${ONE_OF}${field === "args" ? ' ("args" goes only with call)' : ""}`, field);
  }
  const record = value as Record<string, unknown>;
  const schema = { think: ThinkStepSchema, call: CallStepSchema, bash: BashStepSchema, say: SayStepSchema }[kind];
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? kind);
  if (field === "call" && typeof record.call === "string") {
    return fail(`"call" names an unknown tool "${record.call}"; valid tools: ${TOOL_NAMES.join(", ")}`, "call");
  }
  return fail(FIELD_RULES[field] ?? `"${field}" is not valid`, field);
}

export function loadScript(path: string): Script {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScriptError(`${path}: cannot read script file${code === "ENOENT" ? ": no such file" : code ? `: ${code}` : ""}`, path);
  }
  return parseScript(text, path);
}

export interface ScriptTurn {
  text: string;
  reasoning: string | null;
  call: { name: string; args: Record<string, z.infer<typeof JsonValueSchema>> } | null;
}

/** Groups steps into assistant turns (rules in the module comment). */
export function scriptTurns(steps: readonly ScriptStep[]): ScriptTurn[] {
  const turns: ScriptTurn[] = [];
  let thoughts: string[] = [];
  let said: string[] = [];
  const close = (call: ScriptTurn["call"]) => {
    turns.push({ text: said.join("\n\n"), reasoning: thoughts.length > 0 ? thoughts.join("\n\n") : null, call });
    thoughts = [];
    said = [];
  };
  for (const step of steps) {
    if ("think" in step) thoughts.push(step.think);
    else if ("say" in step) said.push(step.say);
    else if ("bash" in step) close({ name: "bash", args: { command: step.bash } });
    else close({ name: step.call, args: step.args ?? {} });
  }
  if (thoughts.length > 0 || said.length > 0) close(null);
  return turns;
}

const NO_USAGE = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 };

/**
 * A provider that plays the turns of a script. It keeps no state between calls: the turn to play
 * is the number of assistant messages already in the request, so one provider serves any number
 * of trials.
 */
export function createScriptProvider(steps: readonly ScriptStep[], spec: string): ModelProvider {
  const turns = scriptTurns(steps);
  return {
    spec,
    family: "atlas",
    async generate(request) {
      const index = request.messages.filter((message) => message.role === "assistant").length;
      const turn = turns[index];
      if (!turn) return { text: "", reasoning: null, toolCalls: [], usage: NO_USAGE, finishReason: "stop" } satisfies ModelTurn;
      const toolCalls: ToolCall[] = turn.call ? [{ id: `call_${index + 1}`, name: turn.call.name, args: turn.call.args }] : [];
      return { text: turn.text, reasoning: turn.reasoning, toolCalls, usage: NO_USAGE, finishReason: toolCalls.length > 0 ? "tool-calls" : "stop" };
    },
  };
}
