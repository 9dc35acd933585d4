import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProvider } from "./registry.js";
import { ScriptError } from "./script.js";
import { ModelSpecError } from "./spec.js";

const request = { messages: [], tools: [], temperature: 1, trial: {} as never };

describe("createProvider", () => {
  it("rejects an unknown provider with a ModelSpecError listing valid forms", async () => {
    const failure = createProvider("mistral:large");
    await expect(failure).rejects.toBeInstanceOf(ModelSpecError);
    await expect(createProvider("mistral:large")).rejects.toThrow(/unknown model provider "mistral".*valid forms: openai:<model>/);
  });

  it("loads a script relative to cwd, and reports a malformed one as ScriptError", async () => {
    const dir = mkdtempSync(join(tmpdir(), "registry-"));
    writeFileSync(join(dir, "ok.yaml"), "steps:\n  - call: list_files\n");
    writeFileSync(join(dir, "bad.yaml"), "steps:\n  - call: 3\n");
    const provider = await createProvider("script:ok.yaml", { cwd: dir });
    expect(provider.spec).toBe("script:ok.yaml");
    expect((await provider.generate(request)).toolCalls.map((call) => call.name)).toEqual(["list_files"]);
    await expect(createProvider("script:bad.yaml", { cwd: dir })).rejects.toBeInstanceOf(ScriptError);
    await expect(createProvider("script:missing.yaml", { cwd: dir })).rejects.toThrow("missing.yaml: cannot read script file: no such file");
  });

  it("replays a stored transcript, and says clearly when it cannot", async () => {
    const stored = {
      events: [
        {
          index: 2,
          type: "assistant" as const,
          content: "Hi",
          reasoning: null,
          toolCalls: [{ id: "x", name: "end_task", args: {} }],
          usage: { inputTokens: 1, outputTokens: 1, reasoningTokens: 0 },
          finishReason: "tool-calls",
        },
      ],
    };
    const provider = await createProvider("replay:trial-1", { loadTranscript: async (id) => (id === "trial-1" ? stored : null) });
    expect((await provider.generate(request)).toolCalls[0]?.name).toBe("end_task");
    await expect(createProvider("replay:trial-2", { loadTranscript: async () => null })).rejects.toThrow('no stored trial with id "trial-2"');
    await expect(createProvider("replay:trial-1")).rejects.toBeInstanceOf(ModelSpecError);
  });
});
