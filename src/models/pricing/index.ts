export { CostMeter } from "./cost-meter.js";
export { DEFAULT_PRICES_FILE, PriceTableError, PriceTableSchema, costOf, loadPriceTable, priceFor, type PriceTable } from "./price-table.js";
