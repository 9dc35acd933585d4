import type { JsonValue, ModelRequest, ModelTurn } from "../types.js";
import type { CallFailure } from "./failure.js";

/** A tool call the model wrote wrongly: unparseable or schema-violating arguments, or an unknown tool. */
export interface MalformedToolCall {
  toolName: string;
  detail: string;
}

/** One model answer as a backend produced it, in the form the response cache stores. */
export interface BackendTurn {
  turn: ModelTurn;
  /** Provider-specific form of the turn needed on later calls (reasoning signatures); JSON. */
  replay: JsonValue | null;
  malformed: MalformedToolCall[];
}

/** One model behind the reliability layer: a single attempt, and how to judge its failures. */
export interface ModelBackend {
  readonly spec: string;
  readonly family: string;
  /** Calls sharing an endpoint share its gate (concurrency and rate limits). */
  readonly endpoint: string;
  /** Settings beyond the request that change the answer (reasoning effort...), for the cache key. */
  readonly cacheIdentity: JsonValue;
  call(request: ModelRequest, signal: AbortSignal): Promise<BackendTurn>;
  /** A cached turn is about to be used: restore what `replay` holds. */
  restore?(turn: BackendTurn): void;
  classify(error: unknown): CallFailure;
  close?(): Promise<void>;
}
