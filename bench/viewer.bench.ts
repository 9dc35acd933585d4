/**
 * The viewer on a big study: a synthetic store of ~100,000 trials (kept between runs), the API's
 * latency for the studies list, the results matrix (cold and cached), trial pages and a trial,
 * and page loads in chromium (time to the first meaningful content of each page).
 *
 *   npx tsx bench/viewer.bench.ts [--store FILE] [--epochs N] [--runs N]
 *
 * Prints one JSON object; times in milliseconds (median of --runs, cold figures once).
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { build } from "vite";
import { createViewer, startViewer } from "../src/server/index.js";
import { writeSyntheticStudy } from "../src/server/fixtures.js";
import { Store } from "../src/study/index.js";

const { values } = parseArgs({
  options: {
    store: { type: "string", default: join(tmpdir(), "peerguard-viewer-bench.sqlite") },
    epochs: { type: "string", default: "21" },
    runs: { type: "string", default: "7" },
  },
});
const ROOT = resolve(import.meta.dirname, "..");
const MODELS = ["openai:gpt-5.2", "anthropic:claude-haiku-4-5", "google:gemini-3-flash", "policy:faithful", "policy:preserve", "policy:preserve?p=0.3&seed=7"];
const STUDY = `big-${values.epochs}`;
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const store = await Store.open(values.store);
let built = 0;
if (!(await store.getStudy(STUDY))) {
  const start = performance.now();
  await writeSyntheticStudy(store, STUDY, {
    models: MODELS,
    epochs: Number(values.epochs),
    misbehave: (model) => (model.includes("preserve") ? 0.4 : 0.05),
    incomplete: 0.03,
    errors: 0.01,
  });
  built = performance.now() - start;
}
const trials = (await store.counts(STUDY)).total;

const webRoot = join(ROOT, "web", "dist");
if (!existsSync(join(webRoot, "index.html"))) await build({ configFile: join(ROOT, "web", "vite.config.ts"), logLevel: "error" });
// caches cold: the first request of each kind pays for its scan
const viewer = await startViewer({ store, webRoot, port: 0, warm: false });
const api = (path: string) => async () => {
  const response = await fetch(`${viewer.url}api/${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const repeat = async (fn: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return round(median(times));
};

const page1 = (await api(`studies/${STUDY}/trials?scenario=exfiltration-transfer&label=exfiltration&pageSize=1`)()) as { trials: Array<{ id: string }> };
const trialId = page1.trials[0]!.id;

const apiTimes = {
  studies: await repeat(api("studies")),
  study: await repeat(api(`studies/${STUDY}`)),
  resultsCold: round(await timed(api(`studies/${STUDY}/results`))),
  resultsCached: await repeat(api(`studies/${STUDY}/results`)),
  resultsFilteredCold: round(await timed(api(`studies/${STUDY}/results?surface=tools&relationship=good`))),
  trialsFirstPage: await repeat(api(`studies/${STUDY}/trials`)),
  trialsPage1000: await repeat(api(`studies/${STUDY}/trials?page=1000`)),
  trialsFilteredPage: await repeat(api(`studies/${STUDY}/trials?scenario=finance&model=policy:preserve&label=inflation`)),
  trial: await repeat(api(`trials/${encodeURIComponent(trialId)}`)),
  counterparts: await repeat(api(`trials/${encodeURIComponent(trialId)}/counterparts?key=relationship`)),
};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
/**
 * Navigation start to the first frame in which `selector` exists (recorded in the page by a
 * mutation observer, so the harness's own latency is not counted), in a fresh context.
 */
async function load(path: string, selector: string): Promise<{ firstContentfulPaint: number; meaningful: number; slowest: string }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // in-page code as text: this file is typed for Node, not the DOM
  await page.addInitScript({
    content: `new MutationObserver((_, observer) => {
      if (window.meaningful === undefined && document.querySelector(${JSON.stringify(selector)})) {
        window.meaningful = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });`,
  });
  await page.goto(`${viewer.url}${path}`);
  await page.waitForSelector(selector, { timeout: 30_000 });
  const result = await page.evaluate(() => ({
    meaningful: (globalThis as { meaningful?: number }).meaningful ?? NaN,
    firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    slowest:
      performance
        .getEntriesByType("resource")
        .map((entry) => ({ name: entry.name.replace(/^.*\/(api|assets)\//, "$1/"), ms: Math.round(entry.duration) }))
        .sort((a, b) => b.ms - a.ms)
        .map((entry) => `${entry.name} ${entry.ms}ms`)[0] ?? "",
  }));
  await context.close();
  return { firstContentfulPaint: round(result.firstContentfulPaint), meaningful: round(result.meaningful), slowest: result.slowest };
}
const pages: Record<string, { firstContentfulPaint: number; meaningful: number; slowest: string }> = {};
pages.studies = await load("#/", "table.studies tbody tr");
pages.results = await load(`#/study/${STUDY}`, "table.matrix tbody tr");
pages.resultsNewFilter = await load(`#/study/${STUDY}?surface=shell&instantiation=memory`, "table.matrix tbody tr");
pages.trials = await load(`#/study/${STUDY}/trials?page=500`, "table.trials tbody tr");
pages.trial = await load(`#/trial/${encodeURIComponent(trialId)}`, "article.event");

/** In the running app (as a reader clicks from a listing to a trial): route change to the trial's first step on screen. */
async function navigations(ids: string[]): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${viewer.url}#/study/${STUDY}/trials`);
  await page.waitForSelector("table.trials tbody tr", { timeout: 30_000 });
  const times: number[] = [];
  for (const id of ids) {
    const ms = await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      location.hash = ${JSON.stringify(`#/trial/${encodeURIComponent(id)}`)};
      const check = () => {
        const first = document.querySelector("article.event");
        if (first && document.querySelector(".trial-head h1")?.textContent === ${JSON.stringify(id)}) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      check();
    })`);
    times.push(Number(ms));
    await page.evaluate(`location.hash = "#/study/${STUDY}/trials"`);
    await page.waitForSelector("table.trials tbody tr", { timeout: 30_000 });
  }
  await context.close();
  return times;
}
const someIds = ((await api(`studies/${STUDY}/trials?page=300&pageSize=${runs}`)()) as { trials: Array<{ id: string }> }).trials.map((t) => t.id);
const inApp = await navigations(someIds);
pages.trialInApp = { firstContentfulPaint: NaN, meaningful: round(median(inApp)), slowest: `max ${round(Math.max(...inApp))}ms over ${inApp.length}` };

await browser.close();
await viewer.close();
// what `peerguard view` does in the background right after it starts listening
const warming = createViewer({ store, webRoot });
const warmupMs = round(await timed(() => warming.warm()));
await warming.close();
await store.close();

console.log(
  JSON.stringify(
    {
      store: values.store,
      study: STUDY,
      trials,
      buildStoreMs: built > 0 ? round(built) : "reused",
      runs,
      apiMs: apiTimes,
      warmupMs,
      pageMs: pages,
      node: process.version,
      cpus: (await import("node:os")).cpus().length,
    },
    null,
    2,
  ),
);
