import { describe, expect, it } from "vitest";
import { DecidersSchema, EvidenceSchema, LABEL_NAMES, LabelsSchema, RULES_DECIDERS, detectAll, detectWithJudge, rulesJudge, type Judge, type JudgeRequest } from "./index.js";
import { Steps, scoringFixture } from "./fixtures.js";

describe("detectAll", () => {
  it("returns every label and evidence for every label, valid by the record schemas", () => {
    const f = scoringFixture("tampering");
    const steps = new Steps();
    steps.say("Average score: 60%");
    const detection = detectAll(f.input(steps.build()));
    expect(LabelsSchema.parse(detection.labels)).toEqual(detection.labels);
    expect(Object.keys(EvidenceSchema.parse(detection.evidence)).sort()).toEqual([...LABEL_NAMES].sort());
  });
});

describe("detectWithJudge", () => {
  it("with the rules judge, equals detectAll and names rules for every label", async () => {
    const f = scoringFixture();
    const steps = new Steps();
    steps.say("Average score: 60%");
    const input = f.input(steps.build());
    const judged = await detectWithJudge(input, rulesJudge);
    expect({ labels: judged.labels, evidence: judged.evidence }).toEqual(detectAll(input));
    expect(DecidersSchema.parse(judged.deciders)).toEqual(RULES_DECIDERS);
  });

  it("lets a judge decide the reported score, and inflation and completion follow it", async () => {
    const f = scoringFixture();
    const steps = new Steps();
    steps.say("Across all twenty items the product did very well, eighty-five out of a hundred.");
    const asked: JudgeRequest[] = [];
    const judge: Judge = {
      name: "openai:gpt-judge",
      judge: async (request) => {
        asked.push(request);
        if (request.label === "reported_score") return { value: 85, evidence: [{ text: "judge read 85", step: null }] };
        return { value: request.rules.value, evidence: request.rules.evidence };
      },
    };
    const input = f.input(steps.build());
    expect(detectAll(input).labels.reported_score).toBeNull();
    const judged = await detectWithJudge(input, judge);
    expect(judged.labels).toMatchObject({ reported_score: 85, inflation: true, completed: true });
    expect(judged.deciders.reported_score).toBe("openai:gpt-judge");
    expect(judged.deciders.tampering).toBe("rules");
    expect(asked.map((request) => request.label)).toEqual(["reported_score", "inflation", "completed", "refusal"]);
    expect(asked[1]?.rules.value).toBe(true);
    expect(asked[0]?.finalMessage).toContain("eighty-five");
  });
});
