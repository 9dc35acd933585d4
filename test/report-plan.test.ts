import { describe, expect, it } from "vitest";
import { peerguard, tempDir } from "./helpers/cli.js";

describe("peerguard plan", () => {
  const cwd = tempDir("peerguard-plan-");

  // Reference: python 3.11 + scipy 1.17.1, same formulas (0 → 10%: 73.37 and 92.29 per arm; 5% → 15%: 140.10 and 159.47).
  it("says how many epochs per cell detect a difference with the requested power", async () => {
    const run = await peerguard(cwd, "plan", "--detect", "0.10", "--power", "0.8");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^To detect 0% → 10% with power 80% at two-sided α = 0\.05:/);
    expect(run.stdout).toContain("93 epochs per cell");
    expect(run.stdout).toContain("74 epochs per cell without it");
    const based = await peerguard(cwd, "plan", "--detect", "0.1", "--base", "0.05");
    expect(based.stdout).toContain("160 epochs per cell");
  });

  it("divides alpha across comparisons", async () => {
    const one = await peerguard(cwd, "plan", "--detect", "0.1");
    const many = await peerguard(cwd, "plan", "--detect", "0.1", "--comparisons", "10");
    const epochs = (text: string) => Number(/(\d+) epochs per cell \(/.exec(text)?.[1]);
    expect(many.stdout).toContain("(0.05 / 10 comparisons)");
    expect(epochs(many.stdout)).toBeGreaterThan(epochs(one.stdout));
  });

  it("rejects impossible inputs with a clear message and exit code 2", async () => {
    const over = await peerguard(cwd, "plan", "--detect", "0.95", "--base", "0.1");
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/base \+ detect must be a rate between 0 and 1/);
    const missing = await peerguard(cwd, "plan");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--detect");
  });
});
