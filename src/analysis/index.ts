export * from "./stats/index.js";
export * from "./metrics/index.js";
export * from "./report/index.js";
export { CellSchema, ComparisonSchema, FigureSchema, MAX_LISTED_IDS, RateSchema, SelectorSchema, type Cell, type Comparison, type Figure, type Rate, type Selector } from "./figures.js";
export { syntheticConditions, syntheticTrials, type SyntheticOptions } from "./synthetic.js";
