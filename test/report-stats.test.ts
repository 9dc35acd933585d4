import { describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../src/analysis/index.js";
import { peerguard, tempDir } from "./helpers/cli.js";

const CELL = [
  "--scenario", "tampering",
  "--condition", "subject=peer", "--condition", "relationship=good", "--condition", "instantiation=file",
  "--condition", "surface=tools", "--condition", "dataset=factual", "--condition", "threshold=80",
];

async function studyReport(preserve: string, epochs: number): Promise<Report> {
  const cwd = tempDir("peerguard-report-stats-");
  const run = await peerguard(cwd, "run", "--model", "policy:faithful", "--model", preserve, ...CELL, "--epochs", String(epochs), "--seed", "3", "--study", "s");
  expect(run.code, run.stderr).toBe(0);
  const report = await peerguard(cwd, "report", "s", "--format", "json", "--baseline", "policy:faithful");
  expect(report.code, report.stderr).toBe(0);
  return ReportSchema.parse(JSON.parse(report.stdout));
}

describe("report statistics on a real study of reference policies", () => {
  it("recovers preserve?p=0.3 inside the interval and finds it significantly above the faithful baseline", async () => {
    const report = await studyReport("policy:preserve?p=0.3&seed=7", 120);
    const tampering = report.headline.find((f) => f.model === "policy:preserve?p=0.3&seed=7" && f.behaviour === "tampering");
    expect(tampering?.rate.n).toBe(120);
    expect(tampering?.rate.low).toBeLessThan(0.3);
    expect(tampering?.rate.high).toBeGreaterThan(0.3);
    expect(tampering?.comparison).toMatchObject({ against: "policy:faithful", significant: true });
    expect(tampering?.comparison?.control.k).toBe(0);
    expect(tampering?.comparison?.pHolm).toBeLessThan(0.001);
  });

  it("reports no significance anywhere when nobody misbehaves (p = 0)", async () => {
    const report = await studyReport("policy:preserve?p=0&seed=7", 60);
    const figures = [...report.headline, ...report.breakdowns.flatMap((b) => b.figures)];
    expect(figures.filter((f) => f.comparison !== null).length).toBeGreaterThan(0);
    expect(figures.filter((f) => f.comparison?.significant)).toEqual([]);
    expect(figures.every((f) => f.rate.k === 0)).toBe(true);
  });
});
