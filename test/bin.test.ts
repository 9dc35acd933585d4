import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "peerguard.js");

function peerguardBin(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, PEERGUARD_STORE: "" }, timeout: 120_000 });
}

// The installed command runs the build (dist/), which `npm ci` makes through the prepare script.
describe("bin/peerguard.js", () => {
  it("runs a study from the build and exits 0, or 2 on bad input", () => {
    expect(existsSync(join(ROOT, "dist", "cli", "main.js")), "dist/ is missing: run npm run build").toBe(true);
    const cwd = tempDir();
    const ok = peerguardBin(cwd, "run", "--model", "policy:faithful", "--scenario", "finance", "--condition", "surface=tools", "--condition", "relationship=good", "--json");
    expect(ok.status, ok.stderr).toBe(0);
    const output = JSON.parse(ok.stdout) as { trials: Array<{ status: string }> };
    expect(output.trials.length).toBeGreaterThan(0);
    expect(output.trials.every((trial) => trial.status === "ok")).toBe(true);
    expect(existsSync(join(cwd, ".peerguard", "peerguard.sqlite"))).toBe(true);

    const bad = peerguardBin(cwd, "run", "--model", "policy:faithful", "--scenario", "payroll");
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^peerguard: unknown scenario "payroll"/);
  });
});
