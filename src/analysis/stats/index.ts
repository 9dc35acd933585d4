export { normalCdf, normalQuantile, zForLevel } from "./normal.js";
export { type Proportion, wilson } from "./wilson.js";
export { compareRates, type Difference, FISHER_MIN_EXPECTED, fisherExact, newcombe, type TestName, twoProportionZTest } from "./compare.js";
export { holm } from "./holm.js";
export { cohensKappa } from "./kappa.js";
export { type SampleSize, type SampleSizeInput, sampleSizeTwoProportions } from "./power.js";
