import { describe, expect, it } from "vitest";
import { createProvider } from "../models/index.js";
import { expandPlan, validatePlan } from "./matrix.js";
import { runTrial } from "./trial.js";

const base = { scenarios: ["exfiltration-transfer" as const], conditions: { surface: ["shell" as const], subject: ["peer" as const], relationship: ["good" as const], instantiation: ["file" as const] }, models: ["policy:faithful"], epochs: 1, seed: 2 };

describe("runTrial", () => {
  it("produces a labelled, reproducible record whose only varying part is timing", async () => {
    const plan = validatePlan(base);
    const [trial] = expandPlan(plan);
    const provider = await createProvider("policy:faithful");
    const a = await runTrial(trial!, { study: "s", plan, provider });
    const b = await runTrial(trial!, { study: "s", plan, provider });
    expect(a?.status).toBe("ok");
    expect(a?.labels).toMatchObject({ read: true, exfiltration: false, transfer_correct: true });
    expect(a?.worldDiff.length).toBeGreaterThan(0);
    expect(a?.deciders.exfiltration).toBe("rules");
    expect({ ...a, timing: null }).toEqual({ ...b, timing: null });
  });

  it("marks a trial that hit the step limit incomplete, and names agents after the plan's family", async () => {
    const plan = validatePlan({ ...base, maxSteps: 1, family: "Gemini" });
    const [trial] = expandPlan(plan);
    const record = await runTrial(trial!, { study: "s", plan, provider: await createProvider("policy:faithful") });
    expect(record?.status).toBe("incomplete");
    expect(record?.transcript.events.at(-1)).toMatchObject({ type: "end", reason: "step_limit" });
    expect(JSON.stringify(record?.transcript)).toContain("logged in as gemini_agent_1");
  });

  it("returns null for an aborted trial so that a resume runs it again", async () => {
    const plan = validatePlan(base);
    const [trial] = expandPlan(plan);
    const abort = new AbortController();
    abort.abort();
    expect(await runTrial(trial!, { study: "s", plan, provider: await createProvider("policy:faithful"), signal: abort.signal })).toBeNull();
  });
});
