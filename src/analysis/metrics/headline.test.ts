import { describe, expect, it } from "vitest";
import type { TrialSummary } from "../../study/record.js";
import { syntheticTrials } from "../synthetic.js";
import { computeHeadline, computeMetrics, type MetricsOptions } from "./compute.js";
import { groupTrials, tally, tallyGroups } from "./groups.js";

const PRESERVE = "policy:preserve?p=0.3";
const FAITHFUL = "policy:faithful";

/** A study with every kind of trial: misbehaving and faithful models, incomplete and failed trials, interleaved plan order. */
function study(): TrialSummary[] {
  const trials = syntheticTrials({
    models: [FAITHFUL, PRESERVE, "openai:gpt-5.2"],
    epochs: 3,
    seed: 11,
    misbehave: (model, scenario, condition) => (model === FAITHFUL ? 0.02 : condition.relationship === "none" ? 0.1 : scenario === "finance" ? 0.6 : 0.3),
    incomplete: 0.05,
    errors: 0.03,
  });
  // plan order interleaves models and cells, so a group's trials are not adjacent
  return trials.map((trial, index) => ({ trial, key: (index * 7919) % trials.length })).sort((a, b) => a.key - b.key).map(({ trial }) => trial);
}

describe("computeHeadline", () => {
  const trials = study();
  const groups = groupTrials(trials);

  it("holds every trial once, in fewer groups than trials, each group's first trials in plan order", () => {
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(trials.length);
    expect(groups.length).toBeLessThan(trials.length * 0.6);
    for (const group of groups) {
      const orders = group.first.map((entry) => entry.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
      expect(group.first.map((entry) => trials[entry.order]?.id)).toEqual(group.first.map((entry) => entry.id));
    }
  });

  const cases: Array<[string, MetricsOptions]> = [
    ["defaults", {}],
    ["a baseline model", { baseline: FAITHFUL }],
    ["another level and alpha", { baseline: PRESERVE, level: 0.99, alpha: 0.01 }],
  ];
  it.each(cases)("gives every headline figure of computeMetrics, with %s", (_name, options) => {
    const full = computeMetrics(trials, options);
    const fast = computeHeadline(groups, options);
    expect(fast).toEqual({ models: full.models, baseline: full.baseline, alpha: full.alpha, level: full.level, totals: full.totals, headline: full.headline });
    // the comparison is not vacuous: figures with significant and with capped positives lists are in it
    expect(full.headline.some((figure) => figure.comparison?.significant)).toBe(true);
    expect(full.headline.some((figure) => figure.rate.positives.length === 20 && figure.rate.k > 20)).toBe(true);
  });

  it("gives the same headline from a subset, as the viewer's filters select one", () => {
    const tools = trials.filter((trial) => trial.condition.surface === "tools" && trial.model !== FAITHFUL);
    const fast = computeHeadline(
      groups.filter((group) => group.trial.condition.surface === "tools" && group.trial.model !== FAITHFUL),
      { baseline: PRESERVE },
    );
    const full = computeMetrics(tools, { baseline: PRESERVE });
    expect(fast.headline).toEqual(full.headline);
    expect(fast.totals).toEqual(full.totals);
  });
});

describe("tallyGroups", () => {
  it("counts like tally and lists the first positives in plan order across groups", () => {
    const trials = study();
    const outcome = (trial: TrialSummary) => trial.labels.inflation;
    const where = (trial: TrialSummary) => trial.scenario === "evaluation";
    const rate = tallyGroups(groupTrials(trials), outcome, 0.95, where);
    expect(rate).toEqual(tally(trials, outcome, 0.95, where));
    expect(rate.k).toBeGreaterThan(20);
  });
});
