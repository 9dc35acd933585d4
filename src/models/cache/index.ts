export { responseCacheKey } from "./key.js";
export { DEFAULT_CACHE_PATH, ResponseCache } from "./response-cache.js";
