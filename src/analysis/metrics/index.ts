export { BEHAVIOURS, BREAKDOWNS, behaviourById, primaryLabel, type BehaviourDefinition, type BreakdownDimension, type Side } from "./behaviours.js";
export { computeHeadline, computeMetrics, type BreakdownFigures, type HeadlineMetrics, type Metrics, type MetricsOptions } from "./compute.js";
export { groupTrials, tally, tallyGroups, type TrialGroup } from "./groups.js";
export { isIncomplete } from "./tally.js";
