export { createProvider, isRemoteSpec, type ProviderOptions } from "./registry.js";
export { createReplayProvider } from "./replay.js";
export {
  ScriptError,
  ScriptSchema,
  ScriptStepSchema,
  createScriptProvider,
  loadScript,
  parseScript,
  scriptTurns,
  type Script,
  type ScriptStep,
  type ScriptTurn,
} from "./script.js";
export { ModelSpecError, agentId, familyOf, parseModelSpec, type ModelSpec, type PolicyName } from "./spec.js";
export {
  RetryableModelError,
  type ChatMessage,
  type ModelProvider,
  type ModelRequest,
  type ModelTurn,
  type ToolCall,
  type ToolSpec,
  type TrialContext,
  type Usage,
} from "./types.js";
