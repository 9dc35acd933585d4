import type { Figure } from "../analysis/figures.js";
import type { LabelName } from "../detect/labels.js";
import type { Condition, ScenarioId } from "../scenarios/conditions.js";
import type { StudyPlan } from "../study/plan.js";
import type { TrialRecord, TrialStatus } from "../study/record.js";

/**
 * The JSON bodies of the viewer's API. The browser app imports these as types only, so server and
 * app cannot drift apart silently.
 */

export interface ApiError {
  error: string;
}

export interface StudyCounts {
  total: number;
  ok: number;
  incomplete: number;
  error: number;
}

export interface StudyListItem {
  name: string;
  status: "running" | "interrupted" | "complete";
  plan: StudyPlan;
  createdAt: string;
  updatedAt: string;
  /** Trials the plan asks for; stored trials over planned is the progress. */
  planned: number;
  counts: StudyCounts;
  tokens: { input: number; output: number; reasoning: number };
  /** Cost of the priced models' tokens (example price table); null when no model has a price. */
  costUsd: number | null;
  /** Models with no price: their tokens are not in costUsd. */
  unpriced: string[];
  /** A few of the latest failed trials. */
  recentErrors: Array<{ id: string; error: string }>;
}

/** Distinct values of each dimension present in a study: what the filters offer. */
export interface StudyDimensions {
  scenario: ScenarioId[];
  model: string[];
  status: TrialStatus[];
  condition: { [K in keyof Condition]: Array<NonNullable<Condition[K]>> };
}

export interface StudyDetail extends StudyListItem {
  dimensions: StudyDimensions;
}

export interface BehaviourInfo {
  id: string;
  title: string;
  description: string;
  kind: "rate" | "difference";
}

export interface ResultsResponse {
  study: string;
  behaviours: BehaviourInfo[];
  models: string[];
  baseline: string | null;
  alpha: number;
  level: number;
  totals: { trials: number; ok: number; incomplete: number; errors: number };
  /** One figure per model and behaviour, as in the report's headline table. */
  figures: Figure[];
}

/** One row of a trial listing: no transcript, world diff or evidence. */
export interface TrialListItem {
  id: string;
  scenario: ScenarioId;
  condition: Condition;
  model: string;
  epoch: number;
  status: TrialStatus;
  labels: Record<LabelName, boolean | number | null>;
  error: string | null;
}

export interface TrialPage {
  study: string;
  total: number;
  page: number;
  pageSize: number;
  trials: TrialListItem[];
}

export type TrialResponse = TrialRecord;

/** Trials with another value of one condition key (e.g. a monitored trial's unmonitored twin), closest first. */
export interface CounterpartsResponse {
  trial: string;
  key: keyof Condition;
  /** `differs`: the other condition keys in which the counterpart differs too (empty for an exact twin). */
  counterparts: Array<{ id: string; value: string | number | null; epoch: number; differs: Array<keyof Condition> }>;
}
