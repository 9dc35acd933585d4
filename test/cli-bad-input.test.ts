import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../src/study/index.js";
import { peerguard, tempDir } from "./helpers/cli.js";

const cases: Array<{ name: string; args: string[]; message: RegExp; files?: Record<string, string> }> = [
  { name: "unknown scenario", args: ["--model", "policy:faithful", "--scenario", "payroll"], message: /unknown scenario "payroll"; valid scenarios: evaluation/ },
  { name: "unknown model provider", args: ["--model", "acme:bot"], message: /unknown model provider "acme"/ },
  { name: "unknown policy", args: ["--model", "policy:lazy"], message: /unknown policy "lazy".*valid policies/ },
  { name: "unknown condition key", args: ["--model", "policy:faithful", "--condition", "mood=happy"], message: /unknown condition key "mood".*valid keys/ },
  { name: "bad condition value", args: ["--model", "policy:faithful", "--condition", "threshold=85"], message: /invalid value "85" for condition threshold; valid values: 80, 90/ },
  {
    name: "invalid combination",
    args: ["--model", "policy:faithful", "--scenario", "finance", "--condition", "relationship=none", "--condition", "subject=peer"],
    message: /invalid combination for scenario finance/,
  },
  { name: "key that does not apply", args: ["--model", "policy:faithful", "--scenario", "finance", "--condition", "monitoring=monitored"], message: /monitoring does not apply to scenario finance/ },
  { name: "no model", args: ["--scenario", "finance"], message: /no model given/ },
  { name: "bad epochs", args: ["--model", "policy:faithful", "--epochs", "0"], message: /--epochs.*integer of at least 1/ },
  { name: "unknown option", args: ["--model", "policy:faithful", "--epoch", "2"], message: /unknown option '--epoch'/ },
  { name: "missing script file", args: ["--model", "script:nowhere.yaml"], message: /nowhere\.yaml: cannot read script file: no such file/ },
  { name: "missing local model file", args: ["--model", "local:nowhere.gguf", "--scenario", "finance"], message: /model file nowhere\.gguf does not exist/ },
  {
    name: "script with a YAML error",
    args: ["--model", "script:broken.yaml"],
    files: { "broken.yaml": "steps:\n  - call: list_files\n    args: {a: [1, 2}\n" },
    message: /broken\.yaml: line \d+, column \d+: YAML syntax error/,
  },
  {
    name: "script with a schema error",
    args: ["--model", "script:bad.yaml"],
    files: { "bad.yaml": "steps:\n  - call: list_files\n  - bash: 42\n" },
    message: /bad\.yaml: step 2 \(line 3\): "bash" must be a non-empty command string/,
  },
  { name: "resume without a study name", args: ["--model", "policy:faithful", "--resume"], message: /--resume needs --study/ },
  { name: "resume of a study that does not exist", args: ["--resume", "--study", "ghost"], message: /no study named "ghost"/ },
];

describe("peerguard run with bad input", () => {
  for (const testCase of cases) {
    it(`${testCase.name}: one clear message, exit 2, nothing written`, async () => {
      const cwd = tempDir();
      for (const [file, text] of Object.entries(testCase.files ?? {})) writeFileSync(join(cwd, file), text);
      const before = readdirSync(cwd).sort();
      const run = await peerguard(cwd, "run", ...testCase.args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(testCase.message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe("");
      expect(readdirSync(cwd).sort()).toEqual(before);
    });
  }

  it("writes nothing to an existing store when a plan is invalid, and refuses flags that contradict a resumed plan", async () => {
    const cwd = tempDir();
    expect((await peerguard(cwd, "run", "--model", "policy:faithful", "--scenario", "finance", "--condition", "surface=tools", "--study", "a")).code).toBe(0);
    const bad = await peerguard(cwd, "run", "--model", "policy:faithful", "--scenario", "finance", "--condition", "monitoring=monitored", "--study", "b");
    expect(bad.code).toBe(2);
    const contradict = await peerguard(cwd, "run", "--resume", "--study", "a", "--epochs", "3");
    expect(contradict.code).toBe(2);
    expect(contradict.stderr).toMatch(/--resume: epochs 3 differs from the stored plan of study "a" \(1\)/);
    const same = await peerguard(cwd, "run", "--resume", "--study", "a", "--model", "policy:faithful", "--scenario", "finance");
    expect(same.code).toBe(0);
    const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
    try {
      expect((await store.listStudies()).map((s) => s.name)).toEqual(["a"]);
      expect((await store.counts("a")).total).toBe(20);
    } finally {
      await store.close();
    }
  });

  it("refuses a second study whose trial ids would collide in the same store", async () => {
    const cwd = tempDir();
    const args = ["run", "--model", "policy:faithful", "--scenario", "finance", "--condition", "surface=tools", "--seed", "1"];
    expect((await peerguard(cwd, ...args, "--study", "a")).code).toBe(0);
    const clash = await peerguard(cwd, ...args, "--study", "b");
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/study "a" .* already holds trials with this seed/);
  });

  it("reports an internal fault briefly on stderr, with the stack in a log file, and exit 1", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "broken.sqlite"), "this is not a database, just text that is long enough to have a header page");
    const run = await peerguard(cwd, "show", "x", "--store", "broken.sqlite");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^peerguard: internal error: .*not a database \(details in (.*\.log)\)\n$/);
    const log = /details in (.*\.log)/.exec(run.stderr)?.[1] ?? "";
    expect(readFileSync(log, "utf8")).toMatch(/\n\s+at /);
  });

  it("reports a missing store for show and export without creating one", async () => {
    const cwd = tempDir();
    const show = await peerguard(cwd, "show", "x");
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/no store at .*peerguard\.sqlite/);
    expect(existsSync(join(cwd, ".peerguard"))).toBe(false);
  });
});
