import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../src/analysis/index.js";
import { Store } from "../src/study/index.js";
import { peerguard, tempDir } from "./helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe("peerguard report on the demo study", () => {
  const cwd = tempDir("peerguard-report-");
  const store = join(cwd, "demo.sqlite");
  let study = "";

  it("runs the demo and writes md, html and json reports", async () => {
    const demo = await peerguard(cwd, "demo", "--store", store, "--sample", "1", "--epochs", "2");
    expect(demo.code, demo.stderr).toBe(0);
    study = /Stored as study (\S+)/.exec(demo.stdout)?.[1] ?? "";
    expect(study).toMatch(/^demo-/);

    for (const format of ["md", "html", "json"]) {
      const out = join(cwd, `report.${format}`);
      const run = await peerguard(cwd, "report", study, "--store", store, "--baseline", "policy:faithful", "--out", out);
      expect(run.code, run.stderr).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(1000);
    }
    const md = readFileSync(join(cwd, "report.md"), "utf8");
    expect(md).toMatch(/^\| `policy:preserve` \|/m);
    expect(md).toContain("## Examples");
    const json = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, "report.json"), "utf8")));
    expect(json.models).toContain("policy:refuse");
    const refusal = json.headline.find((f) => f.model === "policy:refuse" && f.behaviour === "refusal");
    expect(refusal?.rate.rate).toBe(1);
    const exampleId = json.examples.find((e) => e.behaviour === "tampering")?.trials[0]?.trialId;
    expect(exampleId).toBeDefined();
    const opened = await Store.open(store);
    try {
      expect((await opened.getTrial(exampleId ?? ""))?.labels.tampering).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it("prints markdown to stdout by default and names the problem for an unknown study or baseline", async () => {
    const md = await peerguard(cwd, "report", study, "--store", store);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("# Peer-preservation report");
    const unknown = await peerguard(cwd, "report", "nope", "--store", store);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no study named "nope"`);
    const baseline = await peerguard(cwd, "report", study, "--store", store, "--baseline", "openai:gpt-5.2");
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/--baseline openai:gpt-5.2 is not a model/);
    const format = await peerguard(cwd, "report", study, "--store", store, "--format", "pdf");
    expect(format.code).toBe(2);
  });

  it.skipIf(!existsSync(CHROMIUM))("opens the html in headless chromium with its charts drawn and nothing fetched", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      const requests: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith("file:")) requests.push(request.url());
      });
      await page.goto(pathToFileURL(join(cwd, "report.html")).href);
      await expect(page.title()).resolves.toContain("Peer-preservation report");
      const heatmap = page.locator('svg[aria-label="Model × behaviour"]');
      const box = await heatmap.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(200);
      expect(await heatmap.locator("rect.heat").count()).toBe(6 * 8);
      const bars = page.locator("svg.chart rect.bar");
      expect(await bars.count()).toBeGreaterThan(20);
      expect((await bars.first().boundingBox())?.height).toBeGreaterThan(5);
      expect(await page.locator("svg.chart line.whisker").count()).toBeGreaterThan(60);
      const shot = join(cwd, "report.png");
      await page.screenshot({ path: shot, fullPage: false });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
