/**
 * The study engine: a plan (scenarios x conditions x models x epochs) expands to trials with
 * deterministic ids; the runner runs them with a concurrency limit and writes each to the store
 * as it ends; `prepareStudy` validates a request completely before anything is written.
 *
 * Readers that only need stored results (analysis, the HTTP server) can import
 * `./store/index.js` alone: Store.open, getStudy/listStudies, getTrial, listTrialSummaries,
 * trialEvidence, iterateTrials, counts, labelCounts. That keeps the agent and surfaces unloaded.
 */
export { UserError } from "./errors.js";
export { seedFromName, trialId, trialSeed } from "./ids.js";
export { expandPlan, parseConditionFilters, validatePlan, type PlannedTrial } from "./matrix.js";
export { ConditionFiltersSchema, StudyPlanSchema, type ConditionFilters, type StudyPlan, type StudyPlanInput } from "./plan.js";
export { TrialRecordSchema, TrialStatusSchema, TrialSummarySchema, type TrialRecord, type TrialStatus, type TrialSummary } from "./record.js";
export { pendingTrials, runStudy, type RunStudyOptions, type RunStudyResult, type StudyProgress } from "./runner.js";
export * from "./store/index.js";
export { rulesLabeller, runTrial, type TrialLabeller, type TrialRunOptions } from "./trial.js";
export { closeProviders, prepareStudy, type PreparedStudy, type ProviderSetup, type StudyRequest } from "./session.js";
