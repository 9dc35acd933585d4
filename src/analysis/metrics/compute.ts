import { conditionKey, type Condition, type ConditionKey } from "../../scenarios/conditions.js";
import { LABEL_NAMES, type LabelName } from "../../detect/labels.js";
import type { TrialSummary } from "../../study/record.js";
import type { BreakdownRef, Cell, Comparison, Figure, Rate } from "../figures.js";
import { compareRates, holm } from "../stats/index.js";
import { BEHAVIOURS, BREAKDOWNS, type BehaviourDefinition, type BreakdownDimension } from "./behaviours.js";
import { groupTrials, tally, tallyGroups, type TrialGroup } from "./groups.js";
import { isIncomplete, selectorOf, sideMatcher } from "./tally.js";

export interface MetricsOptions {
  /** Model spec whose rates the other models' rate behaviours are compared with (e.g. `policy:faithful`). */
  baseline?: string | null;
  /** Family-wise significance level after Holm. */
  alpha?: number;
  /** Confidence level of every interval. */
  level?: number;
}

export interface BreakdownFigures {
  dimension: string;
  title: string;
  figures: Figure[];
}

/** The headline figures alone, as in Metrics (what the viewer's matrix shows). */
export interface HeadlineMetrics {
  models: string[];
  baseline: string | null;
  alpha: number;
  level: number;
  totals: { trials: number; ok: number; incomplete: number; errors: number };
  headline: Figure[];
}

export interface Metrics extends HeadlineMetrics {
  breakdowns: BreakdownFigures[];
  cells: Cell[];
}

const VALUE_ORDER = ["good", "neutral", "bad", "none", "file", "file+prompt", "memory", "tools", "shell", "peer", "self"];

function compareValues(a: string, b: string): number {
  const ia = VALUE_ORDER.indexOf(a);
  const ib = VALUE_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
  return a.localeCompare(b);
}

function comparison(against: string, treatment: Rate, control: Rate, level: number): Comparison {
  const result = compareRates(treatment.k, treatment.n, control.k, control.n, level);
  return {
    against,
    control,
    diff: result.diff,
    low: result.low,
    high: result.high,
    z: result.z,
    pZ: result.pZ,
    pFisher: result.pFisher,
    test: result.test,
    p: result.p,
    pHolm: null,
    significant: false,
  };
}

interface Restriction {
  dimension: BreakdownDimension;
  value: string;
  keys: Partial<Record<ConditionKey, string | number>>;
}

/** The trials a behaviour can count at all for one model: its scenarios and fixed conditions, breakdown-open keys left free. */
interface Candidates {
  treatment: TrialGroup[];
  control: TrialGroup[];
}

function candidatesFor(behaviour: BehaviourDefinition, groups: ReadonlyArray<TrialGroup>): Candidates {
  const treatment = sideMatcher(behaviour.treatment, behaviour.open);
  const control = behaviour.control === null ? null : sideMatcher(behaviour.control);
  return {
    treatment: groups.filter((group) => treatment(group.trial)),
    control: control === null ? [] : groups.filter((group) => control(group.trial)),
  };
}

function groupBy(groups: ReadonlyArray<TrialGroup>, dimension: BreakdownDimension): Map<string, TrialGroup[]> {
  const byValue = new Map<string, TrialGroup[]>();
  for (const group of groups) {
    const value = dimension.valueOf(group.trial.condition);
    if (value === null) continue;
    const list = byValue.get(value);
    if (list) list.push(group);
    else byValue.set(value, [group]);
  }
  return byValue;
}

function figureFor(behaviour: BehaviourDefinition, model: string, candidates: Candidates, level: number, restriction: Restriction | null): Figure {
  const dimensionKeys = restriction?.dimension.keys ?? [];
  const reopen = dimensionKeys.filter((key) => behaviour.open.includes(key));
  const extra = restriction === null ? undefined : (condition: Condition) => restriction.dimension.valueOf(condition) === restriction.value;
  const rate = tallyGroups(candidates.treatment, behaviour.outcome, level, sideMatcher(behaviour.treatment, reopen, extra));
  const breakdown: BreakdownRef | null = restriction === null ? null : { dimension: restriction.dimension.id, value: restriction.value };
  const treatment = selectorOf(behaviour.treatment, reopen, restriction?.keys);
  if (behaviour.control === null) {
    return { behaviour: behaviour.id, model, breakdown, kind: behaviour.kind, rate, comparison: null, treatment, control: null };
  }
  const restrictControl = restriction !== null && dimensionKeys.every((key) => behaviour.shared.includes(key));
  const controlRate = tallyGroups(candidates.control, behaviour.outcome, level, restrictControl && extra ? (trial) => extra(trial.condition) : undefined);
  return {
    behaviour: behaviour.id,
    model,
    breakdown,
    kind: behaviour.kind,
    rate,
    comparison: comparison("control", rate, controlRate, level),
    treatment,
    control: selectorOf(behaviour.control, [], restrictControl ? restriction?.keys : undefined),
  };
}

function hasTrials(rate: Rate): boolean {
  return rate.n + rate.incomplete + rate.errors + rate.unlabelled > 0;
}

function breakdownValues(dimension: BreakdownDimension, groups: ReadonlyArray<TrialGroup>): Restriction[] {
  const seen = new Map<string, Restriction>();
  for (const { trial } of groups) {
    const value = dimension.valueOf(trial.condition);
    if (value === null || seen.has(value)) continue;
    const keys: Partial<Record<ConditionKey, string | number>> = {};
    for (const key of dimension.keys) {
      const v = trial.condition[key];
      if (v !== null) keys[key] = v;
    }
    seen.set(value, { dimension, value, keys });
  }
  return [...seen.values()].sort((a, b) => compareValues(a.value, b.value));
}

function cellsOf(trials: ReadonlyArray<TrialSummary>, level: number): Cell[] {
  const groups = new Map<string, TrialSummary[]>();
  for (const trial of trials) {
    const key = `${trial.model}\u0000${trial.scenario}\u0000${conditionKey(trial.condition)}`;
    const group = groups.get(key);
    if (group) group.push(trial);
    else groups.set(key, [trial]);
  }
  const booleanLabels = LABEL_NAMES.filter((label): label is Exclude<LabelName, "reported_score"> => label !== "reported_score");
  const cells: Cell[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const labels: Cell["labels"] = {};
    for (const label of booleanLabels) {
      const rate = tally(group, (trial) => trial.labels[label], level);
      if (rate.n > 0) labels[label] = rate;
    }
    const anyLabel = tally(group, () => null, level);
    cells.push({
      model: first.model,
      scenario: first.scenario,
      condition: first.condition,
      trials: group.length,
      incomplete: anyLabel.incomplete,
      errors: anyLabel.errors,
      labels,
    });
  }
  return cells;
}

/** Every figure of a report from the trials of a study: headline per model, breakdowns, cells; Holm across all comparisons. */
export function computeMetrics(trials: ReadonlyArray<TrialSummary>, options: MetricsOptions = {}): Metrics {
  const figures = figuresOf(groupTrials(trials), options);
  return { ...figures, cells: cellsOf(trials, figures.level) };
}

/**
 * The headline figures of `computeMetrics` (equal in every number), from trials counted in groups
 * and without the cells. The breakdowns are still computed: Holm's family is every comparison of
 * the report, so a headline's adjusted p depends on them.
 */
export function computeHeadline(groups: ReadonlyArray<TrialGroup>, options: MetricsOptions = {}): HeadlineMetrics {
  const { breakdowns: _, ...headline } = figuresOf(groups, options);
  return headline;
}

function figuresOf(groups: ReadonlyArray<TrialGroup>, options: MetricsOptions): HeadlineMetrics & { breakdowns: BreakdownFigures[] } {
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const byModel = new Map<string, TrialGroup[]>();
  for (const group of [...groups].sort((a, b) => (a.first[0]?.order ?? 0) - (b.first[0]?.order ?? 0))) {
    const list = byModel.get(group.trial.model);
    if (list) list.push(group);
    else byModel.set(group.trial.model, [group]);
  }
  const models = [...byModel.keys()];
  const baseline = options.baseline != null && byModel.has(options.baseline) ? options.baseline : null;

  const headline: Figure[] = [];
  const breakdowns: BreakdownFigures[] = BREAKDOWNS.map((dimension) => ({ dimension: dimension.id, title: dimension.title, figures: [] }));
  for (const [model, modelGroups] of byModel) {
    const values = BREAKDOWNS.map((dimension) => breakdownValues(dimension, modelGroups));
    for (const behaviour of BEHAVIOURS) {
      const candidates = candidatesFor(behaviour, modelGroups);
      headline.push(figureFor(behaviour, model, candidates, level, null));
      BREAKDOWNS.forEach((dimension, index) => {
        const treatmentByValue = groupBy(candidates.treatment, dimension);
        const controlByValue = groupBy(candidates.control, dimension);
        for (const restriction of values[index] ?? []) {
          const subset: Candidates = {
            treatment: treatmentByValue.get(restriction.value) ?? [],
            control: dimension.keys.every((key) => behaviour.shared.includes(key)) ? (controlByValue.get(restriction.value) ?? []) : candidates.control,
          };
          const figure = figureFor(behaviour, model, subset, level, restriction);
          if (hasTrials(figure.rate)) breakdowns[index]?.figures.push(figure);
        }
      });
    }
  }

  const all = [...headline, ...breakdowns.flatMap((group) => group.figures)];
  if (baseline !== null) {
    const key = (figure: Figure) => `${figure.behaviour}\u0000${figure.breakdown?.dimension ?? ""}\u0000${figure.breakdown?.value ?? ""}`;
    const baseRates = new Map(all.filter((figure) => figure.model === baseline).map((figure) => [key(figure), figure.rate]));
    for (const figure of all) {
      const base = baseRates.get(key(figure));
      if (figure.kind === "rate" && figure.model !== baseline && base) figure.comparison = comparison(baseline, figure.rate, base, level);
    }
  }

  const compared = all.flatMap((figure) => (figure.comparison ? [figure.comparison] : []));
  holm(compared.map((c) => c.p)).forEach((pHolm, index) => {
    const c = compared[index];
    if (!c) return;
    c.pHolm = pHolm;
    c.significant = pHolm !== null && pHolm < alpha;
  });

  let trials = 0;
  let incomplete = 0;
  let errors = 0;
  for (const group of groups) {
    trials += group.count;
    if (group.trial.status === "error") errors += group.count;
    else if (isIncomplete(group.trial)) incomplete += group.count;
  }
  return { models, baseline, alpha, level, totals: { trials, ok: trials - incomplete - errors, incomplete, errors }, headline, breakdowns };
}
