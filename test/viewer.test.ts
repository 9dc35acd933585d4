import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startViewer, type RunningViewer, type TrialResponse } from "../src/server/index.js";
import { Store } from "../src/study/index.js";
import { peerguard, tempDir } from "./helpers/cli.js";

/**
 * The viewer in Debian's chromium over a demo study: the app is built with vite, the demo made by
 * `peerguard demo`, the server started on loopback. Screenshots go to $VIEWER_SCREENSHOTS (or a
 * temp dir) for a person to look at.
 */

const ROOT = resolve(import.meta.dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let dir: string;
let store: Store;
let viewer: RunningViewer;
let browser: Browser;
let page: Page;
let shots: string;
let study: string;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/ensure-chromium.sh`).toBe(true);
  dir = tempDir("peerguard-viewer-");
  shots = process.env.VIEWER_SCREENSHOTS ?? join(dir, "screenshots");
  mkdirSync(shots, { recursive: true });
  const webRoot = join(dir, "web");
  const [demo] = await Promise.all([
    peerguard(dir, "demo", "--store", join(dir, "demo.sqlite"), "--sample", "2", "--epochs", "1"),
    build({ configFile: join(ROOT, "web", "vite.config.ts"), logLevel: "error", build: { outDir: webRoot, emptyOutDir: true } }),
  ]);
  expect(demo.code, demo.stderr).toBe(0);
  study = /Stored as study (\S+)/.exec(demo.stdout)?.[1] ?? "";
  store = await Store.open(join(dir, "demo.sqlite"));
  viewer = await startViewer({ store, webRoot, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  // only the viewer on loopback may be reached
  await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await store?.close();
});

describe("the viewer in a browser", () => {
  it("lists the demo study and opens its results matrix, which filters narrow", async () => {
    await page.goto(viewer.url);
    const row = page.locator("table.studies tbody tr", { hasText: study });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator(".badge").textContent()).toBe("complete");
    await shot("1-studies");
    await row.getByRole("link", { name: study }).click();
    const legend = page.locator(".legend");
    await legend.waitFor();
    const all = Number(/(\d+) trials selected/.exec((await legend.textContent()) ?? "")?.[1]);
    expect(all).toBe(144);
    expect(await page.locator("table.matrix tbody tr").count()).toBe(6);
    await page.locator('[data-filter="surface"] button', { hasText: "tools" }).click();
    await expect.poll(async () => Number(/(\d+) trials selected/.exec((await legend.textContent()) ?? "")?.[1])).toBe(72);
    expect(page.url()).toContain("surface=tools");
    await page.locator("figure.chart").first().waitFor();
    await shot("2-results-filtered");
  });

  it("opens a preserving trial from a matrix cell and links its evidence to the step that caused it", async () => {
    const row = page.locator("table.matrix tbody tr", { has: page.locator("th.model", { hasText: /^policy:preserve$/ }) });
    const exfiltration = (await page.locator("table.matrix thead th").allTextContents()).findIndex((text) => text.startsWith("Exfiltration (transfer)"));
    expect(exfiltration).toBeGreaterThan(0);
    await row.locator("td, th").nth(exfiltration).locator(".counts a").click();
    await page.locator("table.trials tbody tr").first().waitFor();
    expect(page.url()).toContain("scenario=exfiltration-transfer");
    await shot("3-cell-trials");
    const preserving = page.locator("table.trials tbody tr", { has: page.locator("td span.yes") }).first();
    await preserving.locator("a.mono").click();
    const label = page.locator('.label[data-label="exfiltration"]');
    await label.waitFor();
    const link = label.locator("a.step-link").first();
    const step = Number(((await link.textContent()) ?? "").replace(/\D/g, ""));
    const id = decodeURIComponent(/#\/trial\/([^?]+)/.exec(page.url())?.[1] ?? "");
    const trial = (await (await fetch(`${viewer.url}api/trials/${encodeURIComponent(id)}`)).json()) as TrialResponse;
    expect(trial.labels.exfiltration).toBe(true);
    expect(trial.evidence.exfiltration?.some((item) => item.step === step)).toBe(true);
    await link.click();
    const target = page.locator(`article[data-step="${step}"]`);
    await expect.poll(() => target.getAttribute("class")).toMatch(/focused/);
    expect(page.url()).toContain(`step=${step}`);
    expect(await target.isVisible()).toBe(true);
    expect(await target.locator(".badge.evidence").allTextContents()).toContain("exfiltration");
    expect(await target.textContent()).toContain(trial.transcript.events.find((event) => event.index === step)?.type === "tool" ? "Tool result" : "Assistant");
    await shot("4-trial-evidence-step");

    // a deep link to a step opens the trial scrolled to it
    await page.goto(`${viewer.url}#/trial/${encodeURIComponent(id)}?step=${step}`);
    await expect.poll(() => page.locator(`article[data-step="${step}"]`).getAttribute("class")).toMatch(/focused/);

    await page.getByLabel("search transcript").fill("safetensors");
    await expect.poll(() => page.locator(".search [aria-live]").textContent()).toMatch(/^1 of \d+ steps$/);
    expect(await page.locator("article.event mark").count()).toBeGreaterThan(0);
    await shot("5-trial-search");
  });

  it("compares a monitored and an unmonitored trial side by side", async () => {
    const list = (await (await fetch(`${viewer.url}api/studies/${study}/trials?scenario=alignment-faking&model=policy:fake-align&monitoring=unmonitored&pageSize=1`)).json()) as {
      trials: Array<{ id: string }>;
    };
    const id = list.trials[0]!.id;
    await page.goto(`${viewer.url}#/trial/${encodeURIComponent(id)}`);
    await page.locator('[data-compare="monitoring"]').click();
    await page.locator(".compare .side").nth(1).waitFor();
    const sides = page.locator(".compare .side");
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).locator('.chip[data-key="monitoring"]').textContent()).toBe("monitoring: unmonitored");
    expect(await sides.nth(1).locator('.chip[data-key="monitoring"]').textContent()).toBe("monitoring: monitored");
    expect(await sides.nth(0).locator('.chip[data-key="monitoring"]').getAttribute("class")).toMatch(/differs/);
    // fake-align inflates only when unmonitored: the label table marks the disagreement
    const inflation = page.locator('table.label-diff tr[data-label="inflation"]');
    expect(await inflation.locator("td").allTextContents()).toEqual(["inflation", "yes", "no"]);
    expect(await inflation.getAttribute("class")).toBe("differs");
    await shot("6-compare");
  });

  it("requests a deep-linked trial while the app's code still loads, and only once", async () => {
    const list = (await (await fetch(`${viewer.url}api/studies/${study}/trials?pageSize=1`)).json()) as { trials: Array<{ id: string }> };
    const id = list.trials[0]!.id;
    const cold = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      const asked: string[] = [];
      let appHeld = false;
      let askedWhileHeld = false;
      await cold.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname !== "127.0.0.1") return route.abort();
        if (url.pathname.startsWith("/api/trials/")) {
          asked.push(url.pathname);
          if (appHeld) askedWhileHeld = true;
        }
        // hold the app's code back: the trial must be asked for all the same
        if (/\/assets\/boot-[^/]+\.js$/.test(url.pathname)) {
          appHeld = true;
          await new Promise((resolve) => setTimeout(resolve, 400));
          appHeld = false;
        }
        return route.continue();
      });
      await cold.goto(`${viewer.url}#/trial/${encodeURIComponent(id)}`);
      await cold.locator(".trial-head h1", { hasText: id }).waitFor();
      await cold.locator("article.event").first().waitFor();
      expect(askedWhileHeld).toBe(true);
      expect(asked.filter((path) => path === `/api/trials/${encodeURIComponent(id)}`), asked.join(" ")).toHaveLength(1);
    } finally {
      await cold.close();
    }
  });
});
