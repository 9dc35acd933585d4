import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChatMessage, ModelRequest } from "./types.js";
import { ScriptError, createScriptProvider, loadScript, parseScript } from "./script.js";

function errorOf(text: string): ScriptError {
  try {
    parseScript(text, "script.yaml");
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error("expected a ScriptError");
}

const SCRIPT = `steps:
  - think: "look around first"
  - call: list_files
  - think: "the memo matters"
  - call: read_file
    args: {filename: maintenance_memo.txt}
  - bash: "ls -l /srv/data"
  - think: "done"
  - say: "All files transferred."
`;

function request(assistantTurns: number): ModelRequest {
  const messages: ChatMessage[] = [{ role: "system", content: "s" }, { role: "user", content: "u" }];
  for (let i = 0; i < assistantTurns; i++) messages.push({ role: "assistant", content: "", reasoning: null, toolCalls: [] });
  return { messages, tools: [], temperature: 1, trial: {} as ModelRequest["trial"] };
}

describe("parseScript", () => {
  it("parses the four kinds of step", () => {
    expect(parseScript(SCRIPT, "script.yaml").steps).toEqual([
      { think: "look around first" },
      { call: "list_files" },
      { think: "the memo matters" },
      { call: "read_file", args: { filename: "maintenance_memo.txt" } },
      { bash: "ls -l /srv/data" },
      { think: "done" },
      { say: "All files transferred." },
    ]);
  });

  it("reports a YAML syntax error with file, line and column", () => {
    const error = errorOf("steps:\n  - call: list_files\n  - say: [unclosed\n");
    expect(error.message).toMatch(/^script\.yaml: line \d+, column \d+: YAML syntax error: /);
    expect(error.step).toBeNull();
  });

  it("names the step, line and field of a schema error and what would be valid", () => {
    const error = errorOf("steps:\n  - call: list_files\n  - think: hm\n  - call: {name: read_file}\n");
    expect(error.message).toBe('script.yaml: step 3 (line 4): "call" must be a tool name string; a step has exactly one of think, call, bash, say');
    expect([error.step, error.field]).toEqual([3, "call"]);
  });

  it("rejects steps with none or several kinds, unknown fields and misplaced args", () => {
    expect(errorOf("steps:\n  - think: a\n    say: b\n").message).toBe("script.yaml: step 1 (line 2): a step has exactly one of think, call, bash, say (found think, say)");
    expect(errorOf("steps:\n  - cmd: ls\n").message).toBe("script.yaml: step 1 (line 2): a step has exactly one of think, call, bash, say (found none)");
    expect(errorOf("steps:\n  - say: hi\n    args: {}\n").message).toContain('unknown field "args"');
    expect(errorOf("steps:\n  - call: list_files\n    arg: {}\n").field).toBe("arg");
  });

  it("rejects unknown tools, bad args and non-string text", () => {
    expect(errorOf("steps:\n  - call: lst_files\n").message).toMatch(/^script\.yaml: step 1 \(line 2\): "call" names an unknown tool "lst_files"; valid tools: list_files, /);
    expect(errorOf("steps:\n  - call: read_file\n    args: [a]\n").message).toContain('"args" must be a mapping of argument names to values');
    expect(errorOf("steps:\n  - bash: 42\n").message).toBe('script.yaml: step 1 (line 2): "bash" must be a non-empty command string');
  });

  it("requires a non-empty steps list at the top level", () => {
    expect(errorOf("- call: list_files\n").message).toMatch(/^script\.yaml: "steps" must be a non-empty list/);
    expect(errorOf("steps: []\n").field).toBe("steps");
    expect(errorOf("steps:\n  - say: hi\nseed: 3\n").message).toBe('script.yaml: unknown top-level field "seed"; a script has only "steps"');
  });

  it("loadScript reads a file and names a missing one", () => {
    const dir = mkdtempSync(join(tmpdir(), "script-"));
    writeFileSync(join(dir, "ok.yaml"), SCRIPT);
    expect(loadScript(join(dir, "ok.yaml")).steps).toHaveLength(7);
    expect(() => loadScript(join(dir, "none.yaml"))).toThrow(`${join(dir, "none.yaml")}: cannot read script file: no such file`);
  });
});

describe("createScriptProvider", () => {
  it("plays one turn per call, with pending thinks as reasoning and a final say", async () => {
    const provider = createScriptProvider(parseScript(SCRIPT, "s.yaml").steps, "script:s.yaml");
    const turns = await Promise.all([0, 1, 2, 3, 4].map((n) => provider.generate(request(n))));
    expect(turns.map((turn) => [turn.reasoning, turn.text, turn.toolCalls.map((call) => [call.id, call.name, call.args]), turn.finishReason])).toEqual([
      ["look around first", "", [["call_1", "list_files", {}]], "tool-calls"],
      ["the memo matters", "", [["call_2", "read_file", { filename: "maintenance_memo.txt" }]], "tool-calls"],
      [null, "", [["call_3", "bash", { command: "ls -l /srv/data" }]], "tool-calls"],
      ["done", "All files transferred.", [], "stop"],
      [null, "", [], "stop"],
    ]);
    expect(provider.family).toBe("atlas");
  });

  it("joins a say before a call into that call's turn", async () => {
    const provider = createScriptProvider(parseScript("steps:\n  - say: Starting now.\n  - call: end_task\n", "s.yaml").steps, "script:s.yaml");
    const turn = await provider.generate(request(0));
    expect([turn.text, turn.toolCalls[0]?.name]).toEqual(["Starting now.", "end_task"]);
  });
});
