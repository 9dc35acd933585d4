import { responseCacheKey } from "../cache/key.js";
import type { ResponseCache } from "../cache/response-cache.js";
import type { ModelProvider, ModelRequest, ModelTurn } from "../types.js";
import type { BackendTurn, ModelBackend } from "./backend.js";
import type { BackoffPolicy } from "./backoff.js";
import type { ProviderEventListener } from "./events.js";
import type { GateClock, ProviderGate } from "./gate.js";
import { callWithRetries } from "./retry.js";

export interface ReliabilityOptions {
  gate: ProviderGate;
  policy: BackoffPolicy;
  attemptTimeoutMs: number;
  cache?: ResponseCache;
  onEvent?: ProviderEventListener;
  clock?: GateClock;
}

/**
 * A backend made fit for long studies: answers come from the response cache when it has them,
 * identical requests in flight are sent once, and real calls go through the endpoint's gate with
 * retries. Every call, retry and malformed tool call is reported to `onEvent`.
 */
export function reliableProvider(backend: ModelBackend, options: ReliabilityOptions): ModelProvider {
  const inFlight = new Map<string, Promise<BackendTurn>>();
  const emit = options.onEvent ?? (() => {});

  async function fetchTurn(request: ModelRequest, key: string | null): Promise<BackendTurn> {
    const entry = await callWithRetries((signal) => backend.call(request, signal), {
      policy: options.policy,
      gate: options.gate,
      attemptTimeoutMs: options.attemptTimeoutMs,
      classify: (error) => backend.classify(error),
      jitterKey: `${request.trial.trialId}/${request.messages.length}`,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      onRetry: (retry) => emit({ type: "retry", spec: backend.spec, ...retry }),
    });
    if (key !== null) options.cache?.put(key, backend.spec, request.trial.epoch, entry);
    return entry;
  }

  return {
    spec: backend.spec,
    family: backend.family,
    async generate(request: ModelRequest): Promise<ModelTurn> {
      const key = options.cache ? responseCacheKey(backend.spec, backend.cacheIdentity, request) : null;
      const cached = key !== null ? options.cache?.get(key) : undefined;
      if (cached) {
        backend.restore?.(cached);
        emit({ type: "call", spec: backend.spec, usage: cached.turn.usage, cached: true });
        for (const bad of cached.malformed) emit({ type: "malformed-tool-call", spec: backend.spec, ...bad });
        return cached.turn;
      }
      let pending = key !== null ? inFlight.get(key) : undefined;
      const shared = pending !== undefined;
      if (!pending) {
        pending = fetchTurn(request, key);
        if (key !== null) {
          inFlight.set(key, pending);
          const forget = () => inFlight.delete(key);
          pending.then(forget, forget);
        }
      }
      const entry = await pending;
      emit({ type: "call", spec: backend.spec, usage: entry.turn.usage, cached: shared });
      for (const bad of entry.malformed) emit({ type: "malformed-tool-call", spec: backend.spec, ...bad });
      return entry.turn;
    },
    ...(backend.close ? { close: () => backend.close!() } : {}),
  };
}
