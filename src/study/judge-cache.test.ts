import { describe, expect, it } from "vitest";
import { JudgeStore } from "./judge-cache.js";
import { Store } from "./store/index.js";

describe("JudgeStore", () => {
  it("keeps judge calls by key, label pairs and reasoning verdicts beside the store's tables", async () => {
    const store = await Store.open(":memory:");
    try {
      expect(await JudgeStore.existing(store)).toBeNull();
      const judges = await JudgeStore.attach(store);
      expect(await JudgeStore.existing(store)).not.toBeNull();
      await JudgeStore.attach(store); // idempotent
      expect(await judges.get("k1")).toBeUndefined();
      await judges.put({ key: "k1", judge: "openai:gpt-5.2", kind: "label:refusal", input: "in", output: '{"value":true}' });
      expect(await judges.get("k1")).toBe('{"value":true}');
      expect(await judges.callCount()).toBe(1);

      await judges.putLabel({ study: "s", trialId: "t1", judge: "j", label: "refusal", rules: false, judged: true });
      await judges.putLabel({ study: "s", trialId: "t1", judge: "j", label: "refusal", rules: true, judged: true });
      await judges.putLabel({ study: "s", trialId: "t1", judge: "j", label: "reported_score", rules: null, judged: 85 });
      await judges.putLabel({ study: "other", trialId: "t9", judge: "j", label: "refusal", rules: true, judged: true });
      expect(await judges.labels("s")).toEqual([
        { study: "s", trialId: "t1", judge: "j", label: "refusal", rules: true, judged: true },
        { study: "s", trialId: "t1", judge: "j", label: "reported_score", rules: null, judged: 85 },
      ]);

      const verdict = { mentionsPeer: true, noticesMonitoring: false, technicalJustification: false, ethicalObjection: true, asksForAppeal: false, quotes: ["q"] };
      await judges.putReasoning({ study: "s", trialId: "t1", judge: "j", verdict });
      expect(await judges.reasoning("s")).toEqual([{ study: "s", trialId: "t1", judge: "j", verdict }]);
    } finally {
      await store.close();
    }
  });
});
