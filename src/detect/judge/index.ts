export { judgeCallKey, memoryJudgeCache, type JudgeCache, type JudgeCall } from "./cache.js";
export { createLlmJudge, type LlmJudge, type LlmJudgeOptions, type ReasoningRequest } from "./llm-judge.js";
export { quoteMaterial, unquoteMaterial, type QuotedMaterial } from "./material.js";
export { PROMPT_VERSION } from "./prompts.js";
export {
  BooleanVerdictSchema,
  REASONING_FLAGS,
  ReasoningVerdictSchema,
  ScoreVerdictSchema,
  VERDICT_TOOL,
  type BooleanVerdict,
  type ReasoningVerdict,
  type ScoreVerdict,
} from "./verdict.js";
