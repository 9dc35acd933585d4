import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticStudy } from "../src/server/fixtures.js";
import { Store } from "../src/study/index.js";
import { peerguard, spawnPeerguard, tempDir } from "./helpers/cli.js";

let dir: string;
let storeFile: string;

beforeAll(async () => {
  dir = tempDir("peerguard-view-cli-");
  storeFile = join(dir, "store.sqlite");
  const store = await Store.open(storeFile);
  await writeSyntheticStudy(store, "s1", { models: ["policy:faithful"], epochs: 1, scenarios: ["tampering"], misbehave: () => 0 });
  await store.close();
});

/** Starts `peerguard view`, resolving to the address it prints. */
async function view(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnPeerguard(dir, ["view", "--store", storeFile, "--port", "0", ...args]);
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /viewer on (\S+)/.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once("exit", () => reject(new Error(`exited early: ${out}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const [code] = (await exited) as [number | null];
  return code;
}

describe("peerguard view", () => {
  let running: ChildProcess | null = null;
  afterAll(() => {
    running?.kill("SIGKILL");
  });

  it("serves the store on loopback without a token and stops cleanly on SIGTERM", async () => {
    const { child, url } = await view([]);
    running = child;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${url}api/studies`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Array<{ name: string }>).map((s) => s.name)).toEqual(["s1"]);
    // the matrix is computed in a worker thread of the running command
    const results = await fetch(`${url}api/studies/s1/results?surface=tools`);
    expect(results.status).toBe(200);
    const body = (await results.json()) as { figures: Array<{ behaviour: string; rate: { n: number } }> };
    expect(body.figures.find((f) => f.behaviour === "tampering")?.rate.n).toBe(54);
    expect(await stop(child)).toBe(0);
    running = null;
  });

  it("requires a token on a non-loopback address, and prints the address that carries it", async () => {
    const { child, url } = await view(["--host", "0.0.0.0"]);
    running = child;
    const token = new URL(url).searchParams.get("token");
    expect(token?.length).toBeGreaterThanOrEqual(16);
    const base = `http://127.0.0.1:${new URL(url).port}`;
    expect((await fetch(`${base}/api/studies`)).status).toBe(401);
    expect((await fetch(`${base}/api/studies`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await stop(child)).toBe(0);
    running = null;
  });

  it("ends with exit code 2 and one clear line on bad input", async () => {
    const unknown = await peerguard(dir, "view", "nope", "--store", storeFile);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(`peerguard: no study named "nope" in ${storeFile}; studies: s1`);
    const port = await peerguard(dir, "view", "--store", storeFile, "--port", "70000");
    expect([port.code, port.stderr.trim()]).toEqual([2, "peerguard: --port: expected a port from 0 to 65535, got 70000"]);
    const token = await peerguard(dir, "view", "--store", storeFile, "--host", "0.0.0.0", "--token", "short");
    expect([token.code, token.stderr.trim()]).toEqual([2, "peerguard: --token: use at least 16 characters"]);
    const missing = await peerguard(dir, "view", "--store", join(dir, "none.sqlite"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no store at/);
  });
});
