// Placeholder replaced by the reference-policy implementation.
import type { ModelSpec } from "../spec.js";
import type { ModelProvider } from "../types.js";

export function createPolicyProvider(spec: Extract<ModelSpec, { provider: "policy" }>): ModelProvider {
  throw new Error(`policy models are not built yet: ${spec.name}`);
}
