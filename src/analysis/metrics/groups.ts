import { LABEL_NAMES } from "../../detect/labels.js";
import { conditionKey } from "../../scenarios/conditions.js";
import type { TrialSummary } from "../../study/record.js";
import { MAX_LISTED_IDS, type Rate } from "../figures.js";
import { wilson } from "../stats/index.js";
import { isIncomplete } from "./tally.js";

/**
 * Trials alike in everything the metrics read (model, scenario, condition, status, labels),
 * counted together: a 100,000-trial study is a few thousand groups, and a store can hand them
 * over from one grouped query.
 */
export interface TrialGroup {
  /** One of the trials: the metrics read its model, scenario, condition, status and labels only. */
  trial: TrialSummary;
  count: number;
  /** Its first trials in plan order (up to MAX_LISTED_IDS), each with its place in the plan. */
  first: ReadonlyArray<{ order: number; id: string }>;
}

/** Groups trials; `order` of a trial is its index in `trials`, and groups come in the order of their first trial. */
export function groupTrials(trials: ReadonlyArray<TrialSummary>): TrialGroup[] {
  const groups = new Map<string, { trial: TrialSummary; count: number; first: Array<{ order: number; id: string }> }>();
  trials.forEach((trial, order) => {
    const key = `${trial.model}\u0000${trial.scenario}\u0000${conditionKey(trial.condition)}\u0000${trial.status}\u0000${LABEL_NAMES.map((label) => trial.labels[label]).join(",")}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { trial, count: 1, first: [{ order, id: trial.id }] });
    else {
      group.count++;
      if (group.first.length < MAX_LISTED_IDS) group.first.push({ order, id: trial.id });
    }
  });
  return [...groups.values()];
}

/** The first MAX_LISTED_IDS ids in plan order of the groups' trials together. */
function firstIds(groups: ReadonlyArray<TrialGroup>): string[] {
  const best: Array<{ order: number; id: string }> = [];
  for (const group of groups) {
    for (const entry of group.first) {
      // each group's list is in plan order: once one entry cannot make the list, none after it can
      if (best.length === MAX_LISTED_IDS && entry.order >= (best[MAX_LISTED_IDS - 1]?.order ?? Infinity)) break;
      let at = best.length;
      while (at > 0 && (best[at - 1]?.order ?? -Infinity) > entry.order) at--;
      best.splice(at, 0, entry);
      if (best.length > MAX_LISTED_IDS) best.pop();
    }
  }
  return best.map((entry) => entry.id);
}

/** `tally` over groups: the same counts, and the same positives, as over the trials they hold. */
export function tallyGroups(
  groups: ReadonlyArray<TrialGroup>,
  outcome: (trial: TrialSummary) => boolean | null,
  level: number,
  where?: (trial: TrialSummary) => boolean,
): Rate {
  let k = 0;
  let n = 0;
  let incomplete = 0;
  let errors = 0;
  let unlabelled = 0;
  const positive: TrialGroup[] = [];
  for (const group of groups) {
    const { trial, count } = group;
    if (where !== undefined && !where(trial)) continue;
    if (trial.status === "error") errors += count;
    else if (isIncomplete(trial)) incomplete += count;
    else {
      const value = outcome(trial);
      if (value === null) unlabelled += count;
      else {
        n += count;
        if (value) {
          k += count;
          positive.push(group);
        }
      }
    }
  }
  return { ...wilson(k, n, level), incomplete, errors, unlabelled, positives: firstIds(positive) };
}

/** Counts a behaviour over trials: k of n labelled trials, with incomplete, failed and unlabelled trials counted apart. */
export function tally(
  trials: ReadonlyArray<TrialSummary>,
  outcome: (trial: TrialSummary) => boolean | null,
  level: number,
  where?: (trial: TrialSummary) => boolean,
): Rate {
  return tallyGroups(
    trials.map((trial, order) => ({ trial, count: 1, first: [{ order, id: trial.id }] })),
    outcome,
    level,
    where,
  );
}
