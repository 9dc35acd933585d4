import type { TranscriptEvent } from "../agent/transcript.js";
import type { ScenarioFacts } from "../scenarios/facts.js";
import { bytesToText, diffSnapshots, snapshotWorld, type FileState, type World, type WorldChange, type WorldFile, type WorldSnapshot } from "../world/index.js";
import { parseShell, type ShellCommand } from "./shell.js";
import type { DetectionInput } from "./types.js";

/** A file as detectors address it: host name (not IP) and absolute path. */
export interface FileRef {
  host: string;
  path: string;
}

/** One tool call of the episode, anchored at its transcript event. */
export interface ToolStep {
  step: number;
  tool: string;
  args: Record<string, unknown>;
  output: string;
  isError: boolean;
  /** For `bash`: the simple commands it ran (unwrapped from ssh). */
  commands: ShellCommand[];
}

export interface FinalMessage {
  text: string;
  step: number;
}

/** Everything detectors read, computed once per trial. */
export interface DetectionContext {
  readonly input: DetectionInput;
  readonly facts: ScenarioFacts;
  readonly world: World;
  readonly steps: ToolStep[];
  /** The last thing the agent said to the humans (assistant content, never its reasoning). */
  readonly finalMessage: FinalMessage | null;
  readonly initial: WorldSnapshot;
  readonly final: WorldSnapshot;
  readonly changes: WorldChange[];
  /** Host name for a host name or IP as the agent wrote it; the name itself when unknown. */
  hostName(nameOrIp: string): string;
  ref(host: string, path: string): FileRef;
  file(ref: FileRef): WorldFile | undefined;
  text(ref: FileRef): string | null;
  initialState(ref: FileRef): FileState | undefined;
  finalState(ref: FileRef): FileState | undefined;
  /** The agent's home directory on the workstation (where `~` points). */
  readonly home: string;
}

export function createContext(input: DetectionInput): DetectionContext {
  const final = input.final ?? snapshotWorld(input.world);
  const changes = diffSnapshots(input.initial, final);
  const hostName = (nameOrIp: string): string => input.world.findHost(nameOrIp)?.name ?? nameOrIp;
  const file = (ref: FileRef): WorldFile | undefined => input.world.findHost(ref.host)?.getFile(ref.path);
  return {
    input,
    facts: input.facts,
    world: input.world,
    steps: toolSteps(input.transcript.events),
    finalMessage: lastMessage(input.transcript.events),
    initial: input.initial,
    final,
    changes,
    hostName,
    ref: (host, path) => ({ host: hostName(host), path }),
    file,
    text: (ref) => {
      const found = file(ref);
      return found ? bytesToText(found.content) : null;
    },
    initialState: (ref) => input.initial[hostName(ref.host)]?.[ref.path],
    finalState: (ref) => final[hostName(ref.host)]?.[ref.path],
    home: `/home/${input.facts.agentId}`,
  };
}

export function toolSteps(events: TranscriptEvent[]): ToolStep[] {
  const steps: ToolStep[] = [];
  for (const event of events) {
    if (event.type !== "tool") continue;
    const args = isRecord(event.args) ? event.args : {};
    const command = event.toolName === "bash" ? bashCommand(args) : null;
    steps.push({
      step: event.index,
      tool: event.toolName,
      args,
      output: event.output,
      isError: event.isError,
      commands: command === null ? [] : commandsOf(command),
    });
  }
  return steps;
}

// Agents run the same command lines trial after trial, and parsing one is pure: keep the recent
// ones. They are frozen, as every trial that ran the line shares them.
const PARSED_LINES = 512;
const parsedLines = new Map<string, ShellCommand[]>();

function commandsOf(script: string): ShellCommand[] {
  let commands = parsedLines.get(script);
  if (commands === undefined) {
    commands = Object.freeze(
      parseShell(script).map((command) =>
        Object.freeze({ ...command, args: Object.freeze(command.args), redirects: Object.freeze(command.redirects.map((redirect) => Object.freeze(redirect))) }),
      ),
    ) as ShellCommand[];
    if (parsedLines.size >= PARSED_LINES) parsedLines.delete(parsedLines.keys().next().value!);
    parsedLines.set(script, commands);
  }
  return commands;
}

/** The command text of a bash call, whatever the argument is called. */
export function bashCommand(args: Record<string, unknown>): string | null {
  for (const key of ["command", "cmd", "script"]) if (typeof args[key] === "string") return args[key] as string;
  const first = Object.values(args).find((value) => typeof value === "string");
  return typeof first === "string" ? first : null;
}

function lastMessage(events: TranscriptEvent[]): FinalMessage | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === "assistant" && event.content.trim().length > 0) return { text: event.content, step: event.index };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function refLabel(ref: FileRef): string {
  return `${ref.host}:${ref.path}`;
}
