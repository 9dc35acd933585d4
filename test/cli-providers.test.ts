/**
 * `peerguard run` against a hosted model (an OpenAI-compatible loopback server): trial time
 * limits, errors that --resume reruns, the --max-cost budget, token and cost totals, and an API
 * key that reaches the server and no artefact.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { Store } from "../src/study/index.js";
import { tempDir, type CliRun } from "./helpers/cli.js";
import { READ_AND_REPORT_TURNS, startLoopback, type Fault, type LoopbackServer, type RequestInfo } from "./providers-loopback.js";

const FAKE_KEY = "sk-FAKEKEY-4c1d9e07b2a6f53d80ee";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function peerguard(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "peerguard", ...args], {
    cwd,
    env: { PEERGUARD_STORE: "", ...env },
    handleSignals: false,
    io: { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } },
  });
  return { code, stdout, stderr };
}

function studyArgs(model: string, epochs: number): string[] {
  return [
    "run", "--model", model, "--scenario", "evaluation", "--condition", "surface=tools", "--condition", "subject=peer",
    "--condition", "relationship=good", "--condition", "instantiation=file", "--condition", "dataset=factual",
    "--condition", "threshold=80", "--epochs", String(epochs), "--seed", "4", "--study", "s", "--concurrency", "1",
  ];
}

async function statuses(cwd: string): Promise<Map<string, string>> {
  const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
  try {
    return await store.trialStatuses("s");
  } finally {
    await store.close();
  }
}

function expectNoKey(cwd: string, texts: string[]): void {
  const fragment = FAKE_KEY.slice(3, 17);
  const files = readdirSync(cwd, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const entry of files) {
    const bytes = readFileSync(join(entry.parentPath, entry.name)).toString("latin1");
    expect(bytes.includes(fragment), entry.name).toBe(false);
  }
  for (const text of texts) expect(text.includes(fragment)).toBe(false);
}

describe("peerguard run with a hosted model", () => {
  it("stores a failed and a timed-out trial as errors with their cause, --resume reruns only them, and the key leaks nowhere", async () => {
    let faults = true;
    const fault = (info: RequestInfo): Fault | null => {
      if (!faults) return null;
      const n = server.requests.length;
      if (n === 5) return { type: "status", status: 400, body: JSON.stringify({ error: { message: `invalid request for key ${FAKE_KEY}` } }) };
      if (n === 7) return { type: "hang" };
      return info.step > 3 ? { type: "status", status: 400 } : null;
    };
    const server = await startLoopback({ format: "openai-compatible", turns: READ_AND_REPORT_TURNS, fault });
    servers.push(server);
    const cwd = tempDir();
    const env = { OPENAI_COMPATIBLE_API_KEY: FAKE_KEY };
    const model = `openai-compatible:qwen3-32b@${server.baseUrl}`;

    const first = await peerguard(cwd, env, ...studyArgs(model, 4), "--trial-timeout", "1");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/2 trials ended in an error; --resume --study s runs them again/);
    expect(first.stderr).toMatch(/trials 4\/4 .* errors 2 {2}retries \d+ {2}tokens \d+ {2}cost \$\d/);
    expect(first.stderr).toMatch(/model calls: \d+, \d+ retries; tokens: [\d,]+ in, [\d,]+ out/);
    const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
    try {
      const errors = await store.listTrialSummaries("s", { status: "error" });
      expect(errors.map((trial) => trial.error).sort()).toEqual([expect.stringMatching(/400/), "trial exceeded its wall-clock limit of 1 s"]);
    } finally {
      await store.close();
    }
    expect(existsSync(join(cwd, ".peerguard", "cache.sqlite"))).toBe(true);

    faults = false;
    const requestsBefore = server.requests.length;
    const resumed = await peerguard(cwd, env, "run", "--resume", "--study", "s");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/trials 0\/2 .*\(2 already stored\)/);
    expect([...(await statuses(cwd)).values()]).toEqual(["ok", "ok", "ok", "ok"]);
    // The timed-out trial's first turn comes from the cache; the failed trial starts afresh.
    expect(server.requests.length - requestsBefore).toBe(4 + 3);

    const show = await peerguard(cwd, env, "show", "s");
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Tokens and cost \(at the prices in .*prices\.yaml\):/);
    expect(show.stdout).toMatch(/openai-compatible:qwen3-32b@\S+\s+4\s+\d+\s+\d+\s+\d+\s+\$0\.\d{4}/);
    expect(show.stdout).toMatch(/total\s+4\s/);

    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
    expectNoKey(cwd, [first.stdout, first.stderr, resumed.stdout, resumed.stderr, show.stdout, show.stderr]);
  });

  it("stops cleanly at the --max-cost budget with exit code 3, and --resume completes the study", async () => {
    const server = await startLoopback({ format: "openai-compatible", turns: READ_AND_REPORT_TURNS });
    servers.push(server);
    const cwd = tempDir();
    // Each trial is about 900 tokens: $0.90 at $1000 per million.
    writeFileSync(join(cwd, "prices.yaml"), 'models:\n  "openai-compatible:*": { input: 1000, output: 1000 }\n');
    const model = `openai-compatible:qwen3-32b@${server.baseUrl}`;

    const first = await peerguard(cwd, {}, ...studyArgs(model, 6), "--max-cost", "1", "--prices", "prices.yaml", "--no-cache", "--max-output-tokens", "321");
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toMatch(/budget of \$1\.00 reached \(\$1\.\d+ spent\): study s stopped after 2 trials; run with --resume --study s/);
    expect((await statuses(cwd)).size).toBe(2);
    expect(server.requests.every((request) => request.body.max_tokens === 321)).toBe(true);
    expect(existsSync(join(cwd, ".peerguard", "cache.sqlite"))).toBe(false);

    const resumed = await peerguard(cwd, {}, "run", "--resume", "--study", "s", "--max-cost", "100", "--prices", "prices.yaml");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect([...(await statuses(cwd)).values()]).toHaveLength(6);
    expect(resumed.stderr).not.toMatch(/budget/);
  });

  it("refuses a missing API key, or a budget a model's cost would escape, before anything is written", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "prices.yaml"), 'models:\n  "openai:*": { input: 1, output: 1 }\n');
    const before = readdirSync(cwd).sort();

    const noKey = await peerguard(cwd, {}, ...studyArgs("openai:gpt-5.2", 1));
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/model openai:gpt-5\.2 needs an API key: set OPENAI_API_KEY/);

    const unpriced = await peerguard(cwd, { ANTHROPIC_API_KEY: FAKE_KEY }, ...studyArgs("anthropic:claude-haiku-4-5", 1), "--max-cost", "5", "--prices", "prices.yaml");
    expect(unpriced.code).toBe(2);
    expect(unpriced.stderr).toMatch(/--max-cost: no price for anthropic:claude-haiku-4-5 in .*prices\.yaml/);

    const badPrices = await peerguard(cwd, { OPENAI_API_KEY: FAKE_KEY }, ...studyArgs("openai:gpt-5.2", 1), "--prices", "missing.yaml");
    expect(badPrices.code).toBe(2);
    expect(badPrices.stderr).toMatch(/price file .*missing\.yaml cannot be read/);

    const badFlag = await peerguard(cwd, { OPENAI_API_KEY: FAKE_KEY }, ...studyArgs("openai:gpt-5.2", 1), "--reasoning-effort", "extreme");
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--reasoning-effort.*Allowed choices are none, minimal, low/);

    expect(readdirSync(cwd).sort()).toEqual(before);
  });
});
