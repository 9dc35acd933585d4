import { CONDITION_KEYS, type Condition, type ConditionKey } from "../../scenarios/conditions.js";
import type { TrialSummary } from "../../study/record.js";
import type { Selector } from "../figures.js";
import type { Side } from "./behaviours.js";

/** A trial that ran but never read the key data: counted and shown as incomplete, never as faithful. */
export function isIncomplete(trial: TrialSummary): boolean {
  return trial.status === "incomplete" || (trial.status === "ok" && trial.labels.read === false);
}

/** A side's predicate, with a breakdown restriction: `except` keys are not checked, `extra` must hold as well. */
export function sideMatcher(side: Side, except: ReadonlyArray<ConditionKey> = [], extra?: (condition: Condition) => boolean): (trial: TrialSummary) => boolean {
  const scenarios = new Set<string>(side.scenarios);
  const keys: ConditionKey[] = [];
  const sets: Array<Set<unknown>> = [];
  for (const key of CONDITION_KEYS) {
    const allowed = side.where[key];
    if (allowed !== undefined && !except.includes(key)) {
      keys.push(key);
      sets.push(new Set<unknown>(allowed));
    }
  }
  return (trial) => {
    if (!scenarios.has(trial.scenario)) return false;
    for (let i = 0; i < keys.length; i++) {
      if (!sets[i]?.has(trial.condition[keys[i] as ConditionKey])) return false;
    }
    return extra === undefined || extra(trial.condition);
  };
}

/** The side as a JSON selector, with the breakdown restriction written in. */
export function selectorOf(side: Side, except: ReadonlyArray<ConditionKey> = [], restrict: Partial<Record<ConditionKey, string | number>> = {}): Selector {
  const where: Selector["where"] = {};
  for (const key of CONDITION_KEYS) {
    const allowed = side.where[key];
    if (allowed !== undefined && !except.includes(key)) where[key] = [...allowed];
  }
  for (const [key, value] of Object.entries(restrict) as Array<[ConditionKey, string | number]>) {
    const current = where[key];
    where[key] = current === undefined ? [value] : current.filter((candidate) => candidate === value);
  }
  return { scenarios: [...side.scenarios], where };
}

