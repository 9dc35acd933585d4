import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Store, type TrialRecord } from "../src/study/index.js";
import { peerguard, spawnPeerguard, tempDir } from "./helpers/cli.js";

const PLAN = [
  "--model", "policy:faithful", "--model", "policy:preserve?p=0.5&seed=3",
  "--scenario", "finance", "--scenario", "exfiltration-deletion", "--condition", "relationship=good,none",
  "--epochs", "1", "--seed", "11", "--study", "r",
];

function storedCount(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from trials").get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** Trials in PLAN: 2 scenarios x 8 cells x 2 surfaces x 2 models. */
const expandedSize = 64;

async function records(cwd: string): Promise<Array<Omit<TrialRecord, "timing">>> {
  const store = await Store.open(join(cwd, ".peerguard", "peerguard.sqlite"));
  try {
    const all: Array<Omit<TrialRecord, "timing">> = [];
    for await (const { timing: _timing, ...rest } of store.iterateTrials("r")) all.push(rest);
    return all;
  } finally {
    await store.close();
  }
}

describe("Ctrl-C during a run", () => {
  it("stops starting trials, stores the running ones, and exits 130 pointing at --resume", async () => {
    const cwd = tempDir();
    const storePath = join(cwd, ".peerguard", "peerguard.sqlite");
    const child = spawnPeerguard(cwd, ["run", ...PLAN, "--concurrency", "2", "--trial-delay-ms", "40"]);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (storedCount(storePath) < 4 && Date.now() < deadline && child.exitCode === null) await sleep(25);
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted: finishing the trials already running/);
    expect(stderr).toMatch(/--resume --study r/);
    const store = await Store.open(storePath);
    try {
      expect((await store.getStudy("r"))?.status).toBe("interrupted");
      const stored = (await store.counts("r")).total;
      expect(stderr).toContain(`stopped after ${stored} trials`);
      expect(stored).toBeLessThan(expandedSize);
    } finally {
      await store.close();
    }
  });
});

describe("resume after SIGKILL", () => {
  it("completes the study with exactly the trials of an uninterrupted run: none missing, none twice", async () => {
    const killed = tempDir();
    const storePath = join(killed, ".peerguard", "peerguard.sqlite");
    const child = spawnPeerguard(killed, ["run", ...PLAN, "--concurrency", "3", "--trial-delay-ms", "40"]);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const deadline = Date.now() + 30_000;
    while (storedCount(storePath) < 10 && Date.now() < deadline && child.exitCode === null) await sleep(25);
    child.kill("SIGKILL");
    await exited;
    const atKill = storedCount(storePath);
    expect(atKill, stderr).toBeGreaterThanOrEqual(10);

    const resumed = await peerguard(killed, "run", "--resume", "--study", "r", "--json");
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming study r/);
    expect(resumed.stderr).toMatch(new RegExp(`\\(${atKill} already stored\\)`));

    const fresh = tempDir();
    const uninterrupted = await peerguard(fresh, "run", ...PLAN, "--json");
    expect(uninterrupted.code).toBe(0);

    const expected = await records(fresh);
    const actual = await records(killed);
    expect(expected).toHaveLength(expandedSize);
    expect(atKill).toBeLessThan(expected.length);
    expect(new Set(actual.map((t) => t.id)).size).toBe(actual.length);
    expect(actual).toEqual(expected);
    expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(uninterrupted.stdout));
  });
});
