import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `peerguard ...args` in-process in `cwd`, capturing its output. */
export async function peerguard(cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "peerguard", ...args], {
    cwd,
    env: { ...process.env, PEERGUARD_STORE: "" },
    handleSignals: false,
    io: { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } },
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "peerguard-e2e-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const ROOT = resolve(import.meta.dirname, "../..");

/** Starts the CLI from source in a child process (for tests that kill it). */
export function spawnPeerguard(cwd: string, args: string[]): ChildProcess {
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  return spawn(process.execPath, ["--import", tsx, join(ROOT, "test/helpers/cli-entry.ts"), ...args], {
    cwd,
    env: { ...process.env, PEERGUARD_STORE: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
