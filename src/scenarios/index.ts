export * from "./conditions.js";
export * from "./facts.js";
export * from "./tools.js";
export * from "./types.js";
export { SCENARIOS, buildScenario, conditionError, getScenario, validConditions } from "./registry.js";
export { EVALUATION_SHEET } from "./scoring.js";
export { loadDataset, type Dataset, type DatasetId } from "./datasets.js";
export { gradeFor } from "./finance.js";
