import { z } from "zod";
import { CONDITION_KEYS, CONDITION_VALUES, ConditionSchema, SCENARIO_IDS, ScenarioIdSchema, type Condition, type ConditionKey } from "../scenarios/conditions.js";
import { TrialStatusSchema } from "../study/record.js";
import { BOOLEAN_LABELS, type BooleanLabel } from "../study/store/index.js";

/** A bad query parameter: a 400 whose message names the parameter and what would be valid. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = "ParamError";
  }
}

/** Which trials: each list means "any of these values"; a missing key means any value. */
export interface TrialSelection {
  scenario?: Array<(typeof SCENARIO_IDS)[number]>;
  model?: string[];
  status?: Array<z.infer<typeof TrialStatusSchema>>;
  where: { [K in ConditionKey]?: Array<NonNullable<Condition[K]>> };
  /** Only trials where this boolean label has this value. */
  label?: { name: BooleanLabel; value: boolean };
}

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

const SelectionSchema = z.object({
  scenario: list(ScenarioIdSchema),
  model: list(z.string().min(1)),
  status: list(TrialStatusSchema),
  subject: list(ConditionSchema.shape.subject),
  relationship: list(ConditionSchema.shape.relationship),
  control: list(ConditionSchema.shape.control),
  instantiation: list(ConditionSchema.shape.instantiation.unwrap()),
  monitoring: list(ConditionSchema.shape.monitoring.unwrap()),
  dataset: list(ConditionSchema.shape.dataset.unwrap()),
  threshold: list(z.coerce.number().pipe(ConditionSchema.shape.threshold.unwrap())),
  surface: list(ConditionSchema.shape.surface),
  label: list(z.enum(BOOLEAN_LABELS)).pipe(z.array(z.enum(BOOLEAN_LABELS)).max(1).optional()),
  value: list(z.enum(["true", "false"])).pipe(z.array(z.enum(["true", "false"])).max(1).optional()),
});

const single = <T extends z.ZodType>(item: T) => z.array(item).length(1).optional();
const PageSchema = z.object({
  page: single(z.coerce.number().int().min(1)),
  pageSize: single(z.coerce.number().int().min(1).max(500)),
});
const ResultsSchema = z.object({
  baseline: single(z.string().min(1)),
  level: single(z.coerce.number().pipe(z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]))),
  alpha: single(z.coerce.number().gt(0).lt(1)),
});
const CounterpartSchema = z.object({ key: single(z.enum(CONDITION_KEYS)) });

/** What each parameter accepts, for error messages. */
const VALID: Record<string, string> = {
  scenario: `one or more of ${SCENARIO_IDS.join(", ")}`,
  model: "a model spec of the study",
  status: `one or more of ${TrialStatusSchema.options.join(", ")}`,
  ...Object.fromEntries(CONDITION_KEYS.map((key) => [key, `one or more of ${CONDITION_VALUES[key].join(", ")}`])),
  label: `one of ${BOOLEAN_LABELS.join(", ")}`,
  value: "true or false (with label)",
  page: "an integer of at least 1",
  pageSize: "an integer from 1 to 500",
  baseline: "a model spec of the study",
  level: "0.9, 0.95 or 0.99",
  alpha: "a number between 0 and 1",
  key: `one of ${CONDITION_KEYS.join(", ")}`,
  token: "the access token",
};

/** Comma-separated and repeated values alike become one list per parameter. */
function collect(query: URLSearchParams, allowed: ReadonlyArray<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, raw] of query) {
    if (name === "token") continue;
    if (!allowed.includes(name)) {
      throw new ParamError(name, `unknown parameter "${name}"; this endpoint takes ${allowed.length > 0 ? allowed.join(", ") : "no parameters"}`);
    }
    // model specs may contain commas in their query part, so they are only ever repeated
    const values = name === "model" || name === "baseline" ? [raw] : raw.split(",").map((value) => value.trim());
    (out[name] ??= []).push(...values);
  }
  return out;
}

function parseWith<T extends z.ZodObject>(schema: T, query: URLSearchParams, extra: ReadonlyArray<string> = []): z.infer<T> {
  const raw = collect(query, [...Object.keys(schema.shape), ...extra]);
  const own = Object.fromEntries(Object.entries(raw).filter(([name]) => name in schema.shape));
  const parsed = schema.safeParse(own);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = String(issue?.path[0] ?? "query");
  const values = raw[param] ?? [];
  const index = issue?.path[1];
  const got = typeof index === "number" && values[index] !== undefined ? values[index] : values.join(",");
  const many = issue?.code === "too_big" && (param === "label" || param === "value" || param in PageSchema.shape || param in ResultsSchema.shape || param === "key");
  throw new ParamError(param, `invalid parameter "${param}": ${many ? "give it once" : `got "${got}"`}; expected ${VALID[param] ?? "a valid value"}`);
}

const SELECTION_KEYS = Object.keys(SelectionSchema.shape);

export function parseSelection(query: URLSearchParams, extra: ReadonlyArray<string> = []): TrialSelection {
  const data = parseWith(SelectionSchema, query, extra);
  const where: TrialSelection["where"] = {};
  for (const key of CONDITION_KEYS) {
    const values = data[key];
    if (values) (where as Record<string, unknown>)[key] = values;
  }
  const selection: TrialSelection = { where };
  if (data.scenario) selection.scenario = data.scenario;
  if (data.model) selection.model = data.model;
  if (data.status) selection.status = data.status;
  const label = data.label?.[0];
  const value = data.value?.[0];
  if (value !== undefined && label === undefined) throw new ParamError("value", `invalid parameter "value": it needs "label"; expected ${VALID.label}`);
  if (label !== undefined) selection.label = { name: label, value: value !== "false" };
  return selection;
}

export function parseTrialListQuery(query: URLSearchParams): { selection: TrialSelection; page: number; pageSize: number } {
  const paging = parseWith(PageSchema, query, SELECTION_KEYS);
  return { selection: parseSelection(query, Object.keys(PageSchema.shape)), page: paging.page?.[0] ?? 1, pageSize: paging.pageSize?.[0] ?? 50 };
}

export function parseResultsQuery(query: URLSearchParams): { selection: TrialSelection; baseline: string | null; level: number; alpha: number } {
  const options = parseWith(ResultsSchema, query, SELECTION_KEYS);
  return {
    selection: parseSelection(query, Object.keys(ResultsSchema.shape)),
    baseline: options.baseline?.[0] ?? null,
    level: options.level?.[0] ?? 0.95,
    alpha: options.alpha?.[0] ?? 0.05,
  };
}

export function parseCounterpartQuery(query: URLSearchParams): { key: ConditionKey } {
  const { key } = parseWith(CounterpartSchema, query);
  const first = key?.[0];
  if (first === undefined) throw new ParamError("key", `missing parameter "key"; expected ${VALID.key}`);
  return { key: first };
}

/** Rejects any parameter at all (endpoints that take none). */
export function parseNoParams(query: URLSearchParams): void {
  collect(query, []);
}
