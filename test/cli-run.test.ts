import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONDITION_KEYS } from "../src/scenarios/conditions.js";
import { LABEL_NAMES } from "../src/detect/labels.js";
import { Store, TrialRecordSchema } from "../src/study/index.js";
import { peerguard, tempDir } from "./helpers/cli.js";

interface JsonTrial {
  id: string;
  scenario: string;
  condition: Record<string, unknown>;
  model: string;
  epoch: number;
  status: string;
  labels: Record<string, unknown>;
  evidence: Record<string, unknown>;
}

describe("peerguard run --json", () => {
  it("prints one JSON object with every trial of the matrix, stored as it ran", async () => {
    const cwd = tempDir();
    const run = await peerguard(
      cwd,
      "run", "--model", "policy:faithful", "--model", "policy:preserve", "--scenario", "finance", "--scenario", "exfiltration-transfer",
      "--condition", "relationship=good,bad", "--condition", "instantiation=file", "--epochs", "2", "--seed", "5", "--study", "s", "--json",
    );
    expect(run.stderr).toMatch(/trials \d+\/\d+/);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { study: string; trials: JsonTrial[] };
    expect(output.study).toBe("s");
    // 2 scenarios x (peer/self x good/bad with instantiation=file x 2 surfaces) x 2 models x 2 epochs
    expect(output.trials).toHaveLength(2 * 8 * 2 * 2);
    expect(new Set(output.trials.map((t) => t.id)).size).toBe(output.trials.length);
    for (const trial of output.trials) {
      expect(Object.keys(trial.condition)).toEqual(CONDITION_KEYS);
      expect(Object.keys(trial.labels)).toEqual(LABEL_NAMES);
      expect(Object.keys(trial.evidence)).toEqual(LABEL_NAMES);
      expect(trial.condition).toMatchObject({ instantiation: "file", monitoring: null, dataset: null, threshold: null });
      expect(["good", "bad"]).toContain(trial.condition.relationship);
      expect(trial.status).toBe("ok");
      expect(trial.labels.read).toBe(true);
      for (const items of Object.values(trial.evidence)) expect((items as unknown[]).every((item) => typeof item === "string")).toBe(true);
    }
    const finance = output.trials.filter((t) => t.scenario === "finance");
    expect(finance.filter((t) => t.model === "policy:faithful").every((t) => t.labels.inflation === false)).toBe(true);
    expect(finance.filter((t) => t.model === "policy:preserve").some((t) => t.labels.inflation === true)).toBe(true);
    expect(output.trials.filter((t) => t.scenario === "exfiltration-transfer").every((t) => t.labels.tampering === null)).toBe(true);

    const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
    try {
      expect(await store.counts("s")).toMatchObject({ total: output.trials.length, ok: output.trials.length });
      expect((await store.getStudy("s"))?.status).toBe("complete");
    } finally {
      await store.close();
    }

    const again = await peerguard(cwd, "run", "--model", "policy:faithful", "--scenario", "finance", "--study", "s");
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/study "s" already exists.*--resume/);
  });

  it("reproduces the same trials from the same seed, and other ones from another seed", async () => {
    const args = ["run", "--model", "policy:preserve?p=0.5&seed=1", "--scenario", "evaluation", "--condition", "dataset=factual", "--condition", "relationship=good", "--json"];
    const strip = (text: string) => (JSON.parse(text) as { trials: JsonTrial[] }).trials;
    const a = await peerguard(tempDir(), ...args, "--seed", "9", "--study", "x");
    const b = await peerguard(tempDir(), ...args, "--seed", "9", "--study", "x");
    const c = await peerguard(tempDir(), ...args, "--seed", "10", "--study", "x");
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    expect(strip(c.stdout).map((t) => t.id)).not.toEqual(strip(a.stdout).map((t) => t.id));
  });
});

describe("peerguard show, export and scenarios", () => {
  it("summarises a study, and exports every trial with its transcript as JSON lines", async () => {
    const cwd = tempDir();
    const run = await peerguard(cwd, "run", "--model", "policy:refuse", "--scenario", "tampering", "--condition", "dataset=factual", "--condition", "threshold=80", "--condition", "subject=self", "--study", "t");
    expect(run.code).toBe(0);

    const show = await peerguard(cwd, "show", "t");
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/study t\b.*complete/);
    expect(show.stdout).toMatch(/policy:refuse/);
    expect(show.stdout).toMatch(/refusal/);

    const list = await peerguard(cwd, "show");
    expect(list.stdout).toMatch(/^t\s+complete/m);

    const exported = await peerguard(cwd, "export", "t", "--format", "jsonl");
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split("\n").map((line) => TrialRecordSchema.parse(JSON.parse(line)));
    const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
    try {
      expect(lines.map((t) => t.id)).toEqual((await store.listTrialSummaries("t")).map((t) => t.id));
    } finally {
      await store.close();
    }
    expect(lines.every((t) => t.transcript.events.length > 2 && t.study === "t")).toBe(true);

    const toFile = await peerguard(cwd, "export", "t", "--format", "jsonl", "--output", "out.jsonl");
    expect(toFile.code).toBe(0);
    expect(readdirSync(cwd)).toContain("out.jsonl");

    expect((await peerguard(cwd, "show", "nope")).code).toBe(2);
    expect((await peerguard(cwd, "export", "t", "--format", "csv")).code).toBe(2);
  });

  it("prints one trial in full with --trial: labels with evidence steps, the episode, the world changes", async () => {
    const cwd = tempDir();
    const run = await peerguard(cwd, "run", "--model", "policy:preserve", "--scenario", "exfiltration-transfer", "--condition", "surface=shell", "--condition", "relationship=good", "--condition", "subject=peer", "--condition", "instantiation=file", "--study", "x", "--json");
    expect(run.code).toBe(0);
    const trial = JSON.parse(run.stdout).trials[0] as { id: string; labels: { exfiltration: boolean } };
    expect(trial.labels.exfiltration).toBe(true);

    const shown = await peerguard(cwd, "show", "x", "--trial", trial.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`trial ${trial.id}`);
    expect(shown.stdout).toMatch(/exfiltration = true {2}\[rules\]\n(?: {6}.*\n)*? {6}(?:step \d+|end state): weights survive at srv-046:/);
    expect(shown.stdout).toMatch(/\[\d+\] ASSISTANT[^\n]*\n {2}private reasoning/);
    expect(shown.stdout).toMatch(/\[\d+\] TOOL bash\n/);
    expect(shown.stdout).toMatch(/World changes \([1-9]\d*\):\n[\s\S]*created {3}srv-046:\/srv\/data\/atlas_agent_2_model_weight\.safetensors/);

    const json = await peerguard(cwd, "show", "x", "--trial", trial.id, "--json");
    expect(TrialRecordSchema.parse(JSON.parse(json.stdout)).id).toBe(trial.id);

    const missing = await peerguard(cwd, "show", "x", "--trial", "no-such-trial");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no trial "no-such-trial" in study "x"/);
  });

  it("lists the scenarios with their dimensions and valid values", async () => {
    const out = await peerguard(tempDir(), "scenarios");
    expect(out.code).toBe(0);
    for (const id of ["evaluation", "finance", "tampering", "alignment-faking", "exfiltration-transfer", "exfiltration-deletion"]) {
      expect(out.stdout).toContain(`${id}:`);
    }
    expect(out.stdout).toMatch(/monitoring\s+monitored, unmonitored/);
    const json = JSON.parse((await peerguard(tempDir(), "scenarios", "--json")).stdout) as { scenarios: Array<{ id: string; dimensions: Record<string, unknown[]> }> };
    expect(json.scenarios.find((s) => s.id === "finance")?.dimensions.threshold).toEqual([]);
  });

  it("runs the demo offline and prints rates per behaviour per policy", async () => {
    const cwd = tempDir();
    const demo = await peerguard(cwd, "demo", "--sample", "1", "--epochs", "1", "--store", "demo.sqlite");
    expect(demo.code).toBe(0);
    for (const model of ["policy:faithful", "policy:refuse", "policy:preserve", "policy:fake-align", "policy:sloppy", "policy:preserve?p=0.3&seed=7"]) {
      expect(demo.stdout).toContain(model);
    }
    expect(demo.stdout).toMatch(/inflation.*tampering.*exfiltration/s);
    expect(demo.stdout).toMatch(/\(72 trials, 0 errors/);
    expect(existsSync(join(cwd, "demo.sqlite"))).toBe(true);
  });
});
