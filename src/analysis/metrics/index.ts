export { BEHAVIOURS, BREAKDOWNS, behaviourById, primaryLabel, type BehaviourDefinition, type BreakdownDimension, type Side } from "./behaviours.js";
export { computeMetrics, type BreakdownFigures, type Metrics, type MetricsOptions } from "./compute.js";
export { isIncomplete, tally } from "./tally.js";
