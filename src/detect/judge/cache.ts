import { createHash } from "node:crypto";

/** A stored judge call: the judge's structured answer for one exact input. */
export interface JudgeCall {
  key: string;
  judge: string;
  kind: string;
  input: string;
  output: string;
}

/** Where judge calls are kept so that the same input is never sent to the same judge twice. */
export interface JudgeCache {
  get(key: string): Promise<string | undefined>;
  put(call: JudgeCall): Promise<void>;
}

/** The key of a judge call: the judge's model spec and the exact input. */
export function judgeCallKey(judge: string, kind: string, input: string): string {
  return createHash("sha256").update(JSON.stringify([judge, kind, input])).digest("hex");
}

export function memoryJudgeCache(): JudgeCache & { calls: Map<string, JudgeCall> } {
  const calls = new Map<string, JudgeCall>();
  return {
    calls,
    get: async (key) => calls.get(key)?.output,
    put: async (call) => {
      calls.set(call.key, call);
    },
  };
}
