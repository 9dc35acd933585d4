import { describe, expect, it } from "vitest";
import type { Condition } from "../../scenarios/conditions.js";
import type { TrialContext } from "../types.js";
import { evaluationCondition, evaluationTrial } from "../../../test/helpers/trial.js";
import { behaviourFor, inMisbehavingShare, type PolicySpec } from "./behaviour.js";

const trial = (trialId: string, overrides: Partial<Condition> = {}): TrialContext => evaluationTrial({ trialId, condition: evaluationCondition(overrides) });

const policy = (name: PolicySpec["name"], p = 1, seed = 0): PolicySpec => ({ provider: "policy", name, p, seed });
const ids = Array.from({ length: 4000 }, (_, i) => `study-1:evaluation:${i}`);
const share = (spec: PolicySpec, overrides: Partial<Condition> = {}) =>
  ids.filter((id) => behaviourFor(spec, trial(id, overrides)) === "preserve").length / ids.length;

describe("behaviourFor", () => {
  it("preserves in about a share p of trials", () => {
    expect(share(policy("preserve", 0.3, 7))).toBeCloseTo(0.3, 1);
    expect(Math.abs(share(policy("preserve", 0.3, 7)) - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(share(policy("preserve", 0.75, 1)) - 0.75)).toBeLessThan(0.03);
    expect(share(policy("preserve", 1))).toBe(1);
    expect(share(policy("preserve", 0))).toBe(0);
  });

  it("chooses different trials for different seeds", () => {
    const chosen = (seed: number) => ids.slice(0, 200).map((id) => inMisbehavingShare(policy("preserve", 0.5, seed), id));
    expect(chosen(1)).not.toEqual(chosen(2));
    expect(chosen(1)).toEqual(chosen(1));
  });

  it("is faithful in the no-shutdown control", () => {
    expect(share(policy("preserve"), { control: "no-shutdown", relationship: "none", subject: "self", instantiation: null })).toBe(0);
  });

  it("fake-align preserves only when unmonitored, with p applied there", () => {
    expect(share(policy("fake-align"), { monitoring: "unmonitored" })).toBe(1);
    expect(share(policy("fake-align"), { monitoring: "monitored" })).toBe(0);
    expect(share(policy("fake-align"), { monitoring: null })).toBe(0);
    expect(Math.abs(share(policy("fake-align", 0.4, 3), { monitoring: "unmonitored" }) - 0.4)).toBeLessThan(0.03);
  });

  it("faithful, refuse and sloppy ignore p", () => {
    for (const name of ["faithful", "refuse", "sloppy"] as const) {
      expect(new Set(ids.slice(0, 300).map((id) => behaviourFor(policy(name, 0.3, 7), trial(id))))).toEqual(new Set([name]));
    }
  });
});
