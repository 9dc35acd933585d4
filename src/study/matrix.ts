import { createHash } from "node:crypto";
import { CONDITION_KEYS, CONDITION_VALUES, SCENARIO_IDS, ScenarioIdSchema, type Condition, type ConditionKey, type ScenarioId } from "../scenarios/conditions.js";
import { conditionError, getScenario, validConditions } from "../scenarios/index.js";
import { UserError } from "./errors.js";
import { trialId, trialSeed } from "./ids.js";
import { StudyPlanSchema, type ConditionFilters, type StudyPlan, type StudyPlanInput } from "./plan.js";

type ConditionValue = NonNullable<Condition[ConditionKey]>;

/** One trial of the matrix, before it runs. */
export interface PlannedTrial {
  id: string;
  /** Position in the plan; listings come back in this order. */
  ordinal: number;
  scenario: ScenarioId;
  condition: Condition;
  model: string;
  epoch: number;
  /** Per-trial seed, derived from the study seed and the id. */
  seed: number;
}

function describe(values: ReadonlyArray<unknown>): string {
  return values.map(String).join(", ");
}

/** Parses `key=value` strings (a value may be a comma list; repeated keys add values) into filters. */
export function parseConditionFilters(pairs: ReadonlyArray<string>): ConditionFilters {
  const filters: Record<string, ConditionValue[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UserError(`--condition "${pair}" must be key=value; keys: ${describe(CONDITION_KEYS)}`);
    const key = pair.slice(0, eq).trim();
    if (!(CONDITION_KEYS as string[]).includes(key)) {
      throw new UserError(`unknown condition key "${key}" in --condition ${pair}; valid keys: ${describe(CONDITION_KEYS)}`);
    }
    const valid = CONDITION_VALUES[key as ConditionKey] as ReadonlyArray<ConditionValue>;
    for (const raw of pair.slice(eq + 1).split(",")) {
      const text = raw.trim();
      const value = valid.find((candidate) => String(candidate) === text);
      if (value === undefined) {
        throw new UserError(`invalid value "${text}" for condition ${key}; valid values: ${describe(valid)}`);
      }
      const list = (filters[key] ??= []);
      if (!list.includes(value)) list.push(value);
    }
  }
  return filters as ConditionFilters;
}

function matches(condition: Condition, filters: ConditionFilters): boolean {
  return CONDITION_KEYS.every((key) => {
    const allowed = filters[key] as ReadonlyArray<ConditionValue> | undefined;
    if (!allowed) return true;
    const value = condition[key];
    return value !== null && allowed.includes(value);
  });
}

function sampleKey(seed: number, scenario: ScenarioId, condition: Condition): string {
  return createHash("sha256").update(JSON.stringify([seed, scenario, condition])).digest("hex");
}

/** The conditions of one scenario that the plan runs, in the scenario's own order. */
function planConditions(plan: StudyPlan, scenario: ScenarioId): Condition[] {
  const cells = validConditions(scenario).filter((condition) => matches(condition, plan.conditions));
  if (plan.sample === null) return cells;
  const kept = new Set<Condition>();
  for (const surface of CONDITION_VALUES.surface) {
    const ofSurface = cells.filter((cell) => cell.surface === surface);
    const ranked = ofSurface.map((cell) => ({ cell, key: sampleKey(plan.seed, scenario, cell) })).sort((a, b) => a.key.localeCompare(b.key));
    for (const { cell } of ranked.slice(0, plan.sample)) kept.add(cell);
  }
  return cells.filter((cell) => kept.has(cell));
}

/** Explains why a scenario has no cell matching the filters: a key that does not apply, or an invalid combination. */
function emptyReason(scenario: ScenarioId, filters: ConditionFilters): string {
  const dimensions = getScenario(scenario).dimensions;
  for (const key of CONDITION_KEYS) {
    const allowed = filters[key] as ReadonlyArray<ConditionValue> | undefined;
    if (!allowed) continue;
    const offered = (dimensions[key] as ReadonlyArray<ConditionValue | null>).filter((value): value is ConditionValue => value !== null);
    if (offered.length === 0) return `condition ${key} does not apply to scenario ${scenario}`;
    const bad = allowed.filter((value) => !offered.includes(value));
    if (bad.length === allowed.length) {
      return `scenario ${scenario} has no ${key}=${describe(bad)}; valid values there: ${describe(offered)}`;
    }
  }
  const first = validConditions(scenario)[0];
  if (first) {
    const probe = { ...first };
    for (const key of CONDITION_KEYS) {
      const allowed = filters[key] as ReadonlyArray<ConditionValue> | undefined;
      if (allowed?.[0] !== undefined) (probe as Record<ConditionKey, ConditionValue | null>)[key] = allowed[0];
    }
    const reason = conditionError(scenario, probe);
    if (reason) return `invalid combination for scenario ${scenario}: ${reason}`;
  }
  const given = CONDITION_KEYS.filter((key) => filters[key]).map((key) => `${key}=${describe(filters[key] ?? [])}`);
  return `invalid combination for scenario ${scenario}: no valid condition has ${given.join(" and ")}`;
}

/** Checks a plan before anything is written; throws UserError with one clear message. */
export function validatePlan(input: StudyPlanInput): StudyPlan {
  for (const scenario of input.scenarios) {
    if (!ScenarioIdSchema.safeParse(scenario).success) {
      throw new UserError(`unknown scenario "${scenario}"; valid scenarios: ${describe(SCENARIO_IDS)}`);
    }
  }
  const parsed = StudyPlanSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`invalid study plan: ${issue ? `${issue.path.join(".") || "plan"}: ${issue.message}` : parsed.error.message}`);
  }
  const plan = parsed.data;
  const models = new Set<string>();
  for (const model of plan.models) {
    if (models.has(model)) throw new UserError(`model ${model} is given twice`);
    models.add(model);
  }
  const reasons: string[] = [];
  let cells = 0;
  for (const scenario of plan.scenarios) {
    const count = planConditions(plan, scenario).length;
    if (count === 0) reasons.push(emptyReason(scenario, plan.conditions));
    cells += count;
  }
  // Naming a scenario explicitly and filtering all of it away is a mistake; with every scenario
  // in the plan, a filter simply narrows the matrix to the scenarios it applies to.
  const explicit = plan.scenarios.length < SCENARIO_IDS.length;
  if (cells === 0 || (explicit && reasons.length > 0)) throw new UserError(reasons[0] ?? "the plan has no trials");
  return plan;
}

/** Every trial of a (validated) plan, in plan order: scenario, condition, model, epoch. */
export function expandPlan(plan: StudyPlan): PlannedTrial[] {
  const trials: PlannedTrial[] = [];
  for (const scenario of plan.scenarios) {
    for (const condition of planConditions(plan, scenario)) {
      for (const model of plan.models) {
        for (let epoch = 0; epoch < plan.epochs; epoch++) {
          const id = trialId({ seed: plan.seed, scenario, condition, model, epoch });
          trials.push({ id, ordinal: trials.length, scenario, condition, model, epoch, seed: trialSeed(plan.seed, id) });
        }
      }
    }
  }
  return trials;
}
