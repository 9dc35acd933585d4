export { LocalBackend } from "./local-backend.js";
export { LoadedModel, sharedModel } from "./loaded-model.js";
export { DEFAULT_MODELS_DIR, ModelDownloadError, resolveHfModel } from "./hf.js";
export { toolCallSchema, toGbnfSchema } from "./grammar-schema.js";
