import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context } from "hono";
import { compress } from "hono/compress";
import { loadPriceTable, type PriceTable } from "../models/pricing/index.js";
import type { Store, StudyInfo } from "../study/index.js";
import { loopbackHostOnly, readOnly, requireToken } from "./access.js";
import { ParamError, parseCounterpartQuery, parseNoParams, parseResultsQuery, parseTrialListQuery } from "./params.js";
import { counterparts, listTrials } from "./queries.js";
import { ResultsCache, workerResults } from "./results.js";
import { StudyViews } from "./studies.js";
import type { ApiError } from "./types.js";

/** The built browser app: web/dist at the package root (two levels above src/server and dist/server alike). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface ViewerAppOptions {
  store: Store;
  /** Only these studies are served; all of the store's when absent. */
  studies?: ReadonlyArray<string>;
  /** Required on every request when set (non-loopback binds); without it only loopback Host names are served. */
  token?: string | null;
  webRoot?: string;
  /** Prices for the studies' cost; the example table by default, null for none. */
  prices?: PriceTable | null;
}

class NotFound extends Error {}

function defaultPrices(): PriceTable | null {
  try {
    return loadPriceTable();
  } catch {
    return null;
  }
}

export interface ViewerApp {
  app: Hono;
  /** Computes each served study's listing, filters and unfiltered matrix ahead of the first visit; `stop` ends it between studies. */
  warm(stop?: () => boolean): Promise<void>;
  /** Ends the worker thread that computes matrices. */
  close(): Promise<void>;
}

/** The viewer's HTTP app: a read-only JSON API under /api over the store, and the browser app's files. */
export function createViewerApp(options: ViewerAppOptions): Hono {
  return createViewer(options).app;
}

export function createViewer(options: ViewerAppOptions): ViewerApp {
  const { store } = options;
  const allowed = options.studies ? new Set(options.studies) : null;
  const prices = options.prices === undefined ? defaultPrices() : options.prices;
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const thread = workerResults();
  // the worker loads its code while the first pages are served, so the first matrix does not wait for it
  if (store.path !== ":memory:") thread.start();
  const results = new ResultsCache(32, Date.now, 250, thread.compute);
  const views = new StudyViews(store, prices);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ParamError) return c.json<ApiError>({ error: error.message }, 400);
    if (error instanceof NotFound) return c.json<ApiError>({ error: error.message }, 404);
    console.error(error);
    return c.json<ApiError>({ error: "internal error while reading the store" }, 500);
  });
  app.use(readOnly);
  app.use(options.token ? requireToken(options.token) : loopbackHostOnly);
  app.use("/api/*", compress());
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  async function study(name: string): Promise<StudyInfo> {
    const found = allowed === null || allowed.has(name) ? await store.getStudy(name) : undefined;
    if (!found) throw new NotFound(`no study named "${name}"`);
    return found;
  }
  const query = (c: Context) => new URL(c.req.url).searchParams;

  app.get("/api/studies", async (c) => {
    parseNoParams(query(c));
    const studies = (await store.listStudies()).filter((s) => allowed === null || allowed.has(s.name));
    const items = [];
    for (const s of studies) items.push(await views.listItem(s));
    return c.json(items);
  });

  app.get("/api/studies/:study", async (c) => {
    parseNoParams(query(c));
    return c.json(await views.detail(await study(c.req.param("study"))));
  });

  app.get("/api/studies/:study/results", async (c) => {
    const info = await study(c.req.param("study"));
    const { selection, ...metricsOptions } = parseResultsQuery(query(c));
    const { version } = await views.version(info);
    return c.json(await results.get(store, info.name, version, selection, metricsOptions, info.status === "running"));
  });

  app.get("/api/studies/:study/trials", async (c) => {
    const info = await study(c.req.param("study"));
    const { selection, page, pageSize } = parseTrialListQuery(query(c));
    return c.json(await listTrials(store, info.name, selection, page, pageSize));
  });

  async function trial(id: string) {
    const record = await store.getTrial(id);
    if (!record || (allowed !== null && !allowed.has(record.study))) throw new NotFound(`no trial with id "${id}"`);
    return record;
  }

  app.get("/api/trials/:id", async (c) => {
    parseNoParams(query(c));
    return c.json(await trial(c.req.param("id")));
  });

  app.get("/api/trials/:id/counterparts", async (c) => {
    const { key } = parseCounterpartQuery(query(c));
    const record = await trial(c.req.param("id"));
    return c.json({ trial: record.id, key, counterparts: await counterparts(store, record, key) });
  });

  app.all("/api/*", (c) => c.json<ApiError>({ error: `no such endpoint: ${c.req.path}` }, 404));

  if (existsSync(webRoot)) {
    app.use(
      "/assets/*",
      async (c, next) => {
        await next();
        if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
      serveStatic({ root: webRoot }),
    );
    app.use("/favicon.svg", serveStatic({ root: webRoot }));
  }
  // The app routes in the URL hash; every other path gets the app's page.
  app.get("*", (c) => {
    const index = `${webRoot}/index.html`;
    if (!existsSync(index)) return c.text("The viewer app is not built: run `npm run build` in the peerguard package.", 503);
    c.header("Cache-Control", "no-cache");
    return c.html(readFileSync(index, "utf8"));
  });

  async function warm(stop: () => boolean = () => false): Promise<void> {
    for (const info of await store.listStudies()) {
      if (stop()) return;
      if (allowed !== null && !allowed.has(info.name)) continue;
      await views.detail(info);
      const { version } = await views.version(info);
      await results.get(store, info.name, version, { where: {} }, { baseline: null, level: 0.95, alpha: 0.05 });
      // let requests that came in meanwhile through between studies
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { app, warm, close: thread.close };
}
