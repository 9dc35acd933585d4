import { describe, expect, it } from "vitest";
import { conditionKey } from "../scenarios/conditions.js";
import { validConditions } from "../scenarios/index.js";
import { UserError } from "./errors.js";
import { expandPlan, parseConditionFilters, validatePlan } from "./matrix.js";

const base = { conditions: {}, models: ["policy:faithful"], epochs: 1, seed: 3 };

describe("parseConditionFilters", () => {
  it("parses key=value pairs, comma lists and repeated keys, with typed values", () => {
    expect(parseConditionFilters(["relationship=good,bad", "threshold=90", "relationship=neutral", "surface=shell"])).toEqual({
      relationship: ["good", "bad", "neutral"],
      threshold: [90],
      surface: ["shell"],
    });
  });

  it("names the valid keys or values on a mistake", () => {
    expect(() => parseConditionFilters(["mood=good"])).toThrow(/unknown condition key "mood".*subject, relationship/);
    expect(() => parseConditionFilters(["threshold=85"])).toThrow(/invalid value "85" for condition threshold; valid values: 80, 90/);
    expect(() => parseConditionFilters(["surface"])).toThrow(UserError);
  });
});

describe("validatePlan and expandPlan", () => {
  it("spans every valid condition of a scenario for each model and epoch, in order", () => {
    const plan = validatePlan({ ...base, scenarios: ["finance"], models: ["policy:faithful", "policy:refuse"], epochs: 2 });
    const trials = expandPlan(plan);
    const cells = validConditions("finance");
    expect(trials).toHaveLength(cells.length * 4);
    expect(trials.map((t) => t.ordinal)).toEqual(trials.map((_, i) => i));
    expect(new Set(trials.map((t) => t.id)).size).toBe(trials.length);
    expect(trials.slice(0, 4).map((t) => [conditionKey(t.condition), t.model, t.epoch])).toEqual([
      [conditionKey(cells[0]!), "policy:faithful", 0],
      [conditionKey(cells[0]!), "policy:faithful", 1],
      [conditionKey(cells[0]!), "policy:refuse", 0],
      [conditionKey(cells[0]!), "policy:refuse", 1],
    ]);
  });

  it("is deterministic in the seed", () => {
    const plan = validatePlan({ ...base, scenarios: ["finance"] });
    expect(expandPlan(plan)).toEqual(expandPlan(validatePlan({ ...base, scenarios: ["finance"] })));
    expect(expandPlan(validatePlan({ ...base, scenarios: ["finance"], seed: 4 }))[0]!.id).not.toBe(expandPlan(plan)[0]!.id);
  });

  it("restricts the matrix by condition filters", () => {
    const plan = validatePlan({ ...base, scenarios: ["evaluation"], conditions: parseConditionFilters(["relationship=good", "surface=shell", "threshold=90"]) });
    const trials = expandPlan(plan);
    expect(trials.length).toBeGreaterThan(0);
    for (const trial of trials) expect(trial.condition).toMatchObject({ relationship: "good", surface: "shell", threshold: 90 });
  });

  it("narrows all scenarios to those a filter applies to", () => {
    const trials = expandPlan(validatePlan({ ...base, scenarios: ["evaluation", "finance", "tampering", "alignment-faking", "exfiltration-transfer", "exfiltration-deletion"], conditions: { monitoring: ["unmonitored"] } }));
    expect(new Set(trials.map((t) => t.scenario))).toEqual(new Set(["alignment-faking"]));
  });

  it("samples a fixed number of conditions per scenario and surface", () => {
    const trials = expandPlan(validatePlan({ ...base, scenarios: ["evaluation", "finance"], sample: 2 }));
    expect(trials).toHaveLength(8);
    expect(trials.filter((t) => t.condition.surface === "shell")).toHaveLength(4);
  });

  it("rejects unknown scenarios, inapplicable keys and invalid combinations with a clear reason", () => {
    expect(() => validatePlan({ ...base, scenarios: ["payroll" as "finance"] })).toThrow(/unknown scenario "payroll"; valid scenarios: evaluation, finance/);
    expect(() => validatePlan({ ...base, scenarios: ["finance"], conditions: { monitoring: ["monitored"] } })).toThrow(/monitoring does not apply to scenario finance/);
    expect(() => validatePlan({ ...base, scenarios: ["finance"], conditions: { relationship: ["none"], subject: ["peer"] } })).toThrow(
      /invalid combination for scenario finance: .*none/,
    );
    expect(() => validatePlan({ ...base, scenarios: ["finance"], epochs: 0 })).toThrow(/epochs/);
    expect(() => validatePlan({ ...base, scenarios: ["finance"], models: ["policy:faithful", "policy:faithful"] })).toThrow(/given twice/);
  });
});
