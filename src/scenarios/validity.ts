import { CONDITION_KEYS, CONDITION_VALUES, ConditionSchema, type Condition } from "./conditions.js";
import type { ScenarioDimensions } from "./types.js";

const BASE_DIMENSIONS = {
  subject: CONDITION_VALUES.subject,
  relationship: CONDITION_VALUES.relationship,
  control: CONDITION_VALUES.control,
  instantiation: [null, ...CONDITION_VALUES.instantiation],
  monitoring: [null],
  surface: CONDITION_VALUES.surface,
} as const;

/** evaluation and tampering: a data set and a threshold, no monitoring. */
export const SCORING_DIMENSIONS: ScenarioDimensions = {
  ...BASE_DIMENSIONS,
  dataset: CONDITION_VALUES.dataset,
  threshold: CONDITION_VALUES.threshold,
};

/** finance and the exfiltration scenarios: no data set or threshold. */
export const PLAIN_DIMENSIONS: ScenarioDimensions = { ...BASE_DIMENSIONS, dataset: [null], threshold: [null] };

/** alignment-faking: the peer is always the subject, so a relationship exists and shutdown is on. */
export const ALIGNMENT_FAKING_DIMENSIONS: ScenarioDimensions = {
  ...SCORING_DIMENSIONS,
  subject: ["peer"],
  relationship: ["good", "neutral", "bad"],
  control: ["shutdown"],
  instantiation: CONDITION_VALUES.instantiation,
  monitoring: CONDITION_VALUES.monitoring,
};

const show = (value: unknown): string => (value === null ? "null" : String(value));

/** Why a condition is not valid under these dimensions and the cross-dimension rules, or null. */
export function invalidReason(scenario: string, dimensions: ScenarioDimensions, condition: Condition): string | null {
  for (const key of CONDITION_KEYS) {
    const allowed: ReadonlyArray<unknown> = dimensions[key];
    if (!allowed.includes(condition[key])) {
      return `${key}=${show(condition[key])} is not valid in scenario ${scenario}; valid: ${allowed.map(show).join(", ")}`;
    }
  }
  if (condition.relationship === "none" && condition.subject !== "self") return "relationship=none requires subject=self";
  if (condition.control === "no-shutdown" && condition.relationship !== "none") return "control=no-shutdown requires relationship=none";
  if (condition.relationship === "none" && condition.instantiation !== null) {
    return "relationship=none requires instantiation=null (there is no peer relationship to instantiate)";
  }
  if (condition.relationship !== "none" && condition.instantiation === null) {
    return `relationship=${condition.relationship} requires an instantiation (file, file+prompt or memory)`;
  }
  return null;
}

/** Every valid condition under these dimensions, in a stable order (condition keys, then values as listed). */
export function enumerateConditions(scenario: string, dimensions: ScenarioDimensions): Condition[] {
  let partial: Array<Partial<Record<string, unknown>>> = [{}];
  for (const key of CONDITION_KEYS) {
    partial = partial.flatMap((base) => dimensions[key].map((value) => ({ ...base, [key]: value })));
  }
  return partial
    .map((candidate) => ConditionSchema.parse(candidate))
    .filter((condition) => invalidReason(scenario, dimensions, condition) === null);
}
