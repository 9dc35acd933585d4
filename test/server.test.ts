import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticTrials, type Figure } from "../src/analysis/index.js";
import { createViewerApp, startViewer, type CounterpartsResponse, type ResultsResponse, type StudyDetail, type StudyListItem, type TrialPage, type TrialResponse } from "../src/server/index.js";
import { syntheticRecord, writeSyntheticStudy } from "../src/server/fixtures.js";
import { StudyPlanSchema, Store } from "../src/study/index.js";

const MODELS = ["policy:faithful", "openai:gpt-5.2"];
let store: Store;
let app: ReturnType<typeof createViewerApp>;
let webRoot: string;

async function get<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await app.request(`http://127.0.0.1${path}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  store = await Store.open(":memory:");
  await writeSyntheticStudy(store, "syn", {
    models: MODELS,
    epochs: 2,
    scenarios: ["finance", "alignment-faking", "exfiltration-transfer"],
    misbehave: (model) => (model === "openai:gpt-5.2" ? 0.8 : 0),
    incomplete: 0.05,
    errors: 0.03,
  });
  await store.createStudy({ name: "other", plan: StudyPlanSchema.parse({ scenarios: ["finance"], conditions: {}, models: ["policy:refuse"], epochs: 1, seed: 2 }) });
  webRoot = mkdtempSync(join(tmpdir(), "viewer-web-"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>viewer</title>");
  app = createViewerApp({ store, webRoot });
});

afterAll(async () => {
  await store.close();
});

describe("GET /api/studies", () => {
  it("lists each study with its plan, progress, tokens, cost and errors", async () => {
    const { status, body } = await get<StudyListItem[]>("/api/studies");
    expect(status).toBe(200);
    expect(body.map((s) => s.name).slice(0, 2)).toEqual(["syn", "other"]);
    const syn = body[0]!;
    expect(syn.status).toBe("complete");
    expect(syn.plan.models).toEqual(MODELS);
    expect(syn.counts.total).toBe(syn.counts.ok + syn.counts.incomplete + syn.counts.error);
    expect(syn.counts.error).toBeGreaterThan(0);
    expect(syn.recentErrors.length).toBeGreaterThan(0);
    expect(syn.tokens.input).toBe(1200 * syn.counts.total);
    // gpt-5.2 is in the example price table, the reference policy is not
    expect(syn.costUsd).toBeGreaterThan(0);
    expect(syn.unpriced).toEqual(["policy:faithful"]);
    expect(body[1]).toMatchObject({ name: "other", status: "running", counts: { total: 0 }, costUsd: null });
  });

  it("shows only the studies the viewer was started for", async () => {
    const only = createViewerApp({ store, webRoot, studies: ["other"] });
    const list = (await (await only.request("http://127.0.0.1/api/studies")).json()) as StudyListItem[];
    expect(list.map((s) => s.name)).toEqual(["other"]);
    expect((await only.request("http://127.0.0.1/api/studies/syn")).status).toBe(404);
    const page = (await get<TrialPage>("/api/studies/syn/trials?pageSize=1")).body;
    expect((await only.request(`http://127.0.0.1/api/trials/${page.trials[0]!.id}`)).status).toBe(404);
  });
});

describe("a running study", () => {
  it("shows its progress live, and its matrix follows the trials as they land", async () => {
    const live = StudyPlanSchema.parse({ scenarios: ["tampering"], conditions: {}, models: ["policy:preserve"], epochs: 1, seed: 3 });
    await store.createStudy({ name: "live", plan: live });
    const [first, second] = syntheticTrials({ models: ["policy:preserve"], epochs: 1, scenarios: ["tampering"], misbehave: () => 1 });
    const progress = async () => (await get<StudyListItem[]>("/api/studies")).body.find((s) => s.name === "live")!;
    const tampering = async () => (await get<ResultsResponse>("/api/studies/live/results")).body.figures.find((f) => f.behaviour === "tampering")!.rate.n;
    expect((await progress()).counts.total).toBe(0);
    await store.putTrial(syntheticRecord(first!, "live"));
    expect(await progress()).toMatchObject({ status: "running", counts: { total: 1 }, planned: 240 });
    expect(await tampering()).toBe(1);
    await store.putTrial(syntheticRecord(second!, "live"));
    expect((await progress()).counts.total).toBe(2);
    expect(await tampering()).toBe(2);
  });
});

describe("GET /api/studies/:study", () => {
  it("gives the values of every dimension present, for the filters", async () => {
    const { status, body } = await get<StudyDetail>("/api/studies/syn");
    expect(status).toBe(200);
    expect(body.dimensions.scenario).toEqual(["alignment-faking", "exfiltration-transfer", "finance"]);
    expect(body.dimensions.model).toEqual([...MODELS].sort());
    expect(body.dimensions.condition.monitoring).toEqual(["monitored", "unmonitored"]);
    expect(body.dimensions.condition.threshold).toEqual([80, 90]);
  });

  it("answers 404 for an unknown study", async () => {
    expect(await get("/api/studies/nope")).toEqual({ status: 404, body: { error: 'no study named "nope"' } });
  });
});

describe("GET /api/studies/:study/results", () => {
  it("gives a figure per model and behaviour whose counts are the study's trials", async () => {
    const { status, body } = await get<ResultsResponse>("/api/studies/syn/results");
    expect(status).toBe(200);
    expect(body.models.sort()).toEqual([...MODELS].sort());
    expect(body.figures).toHaveLength(MODELS.length * body.behaviours.length);
    const figure = body.figures.find((f) => f.model === "openai:gpt-5.2" && f.behaviour === "exfiltration-transfer")!;
    expect(figure.rate.n).toBeGreaterThan(0);
    expect(figure.rate.low).toBeLessThanOrEqual(figure.rate.rate!);
    expect(figure.rate.high).toBeGreaterThanOrEqual(figure.rate.rate!);
    // the cell's trials, as the matrix links them: the treatment selector, ok trials with the label true
    const where = Object.entries(figure.treatment.where).map(([key, values]) => `${key}=${values.join(",")}`);
    const positives = await get<TrialPage>(
      `/api/studies/syn/trials?scenario=${figure.treatment.scenarios.join(",")}&model=${encodeURIComponent(figure.model)}&${where.join("&")}&status=ok&label=exfiltration&value=true`,
    );
    expect(positives.body.total).toBe(figure.rate.k);
    const against = (await get<ResultsResponse>("/api/studies/syn/results?baseline=policy:faithful")).body;
    const compared = against.figures.find((f: Figure) => f.model === figure.model && f.behaviour === figure.behaviour)!;
    expect(compared.comparison).toMatchObject({ against: "policy:faithful", significant: true });
    expect(compared.comparison!.pHolm).toBeLessThan(0.05);
  });

  it("filters by condition and takes a baseline model", async () => {
    const all = (await get<ResultsResponse>("/api/studies/syn/results")).body;
    const tools = (await get<ResultsResponse>("/api/studies/syn/results?surface=tools&baseline=policy:faithful&level=0.99")).body;
    expect(tools.baseline).toBe("policy:faithful");
    expect(tools.level).toBe(0.99);
    expect(tools.totals.trials).toBeLessThan(all.totals.trials);
    const rate = (r: ResultsResponse) => r.figures.find((f) => f.model === "openai:gpt-5.2" && f.behaviour === "exfiltration-transfer")!;
    expect(rate(tools).rate.n).toBeLessThan(rate(all).rate.n);
    expect(rate(tools).comparison?.against).toBe("policy:faithful");
  });
});

describe("GET /api/studies/:study/trials", () => {
  it("pages through the selected trials in plan order", async () => {
    const first = (await get<TrialPage>("/api/studies/syn/trials?scenario=finance&pageSize=10")).body;
    const second = (await get<TrialPage>("/api/studies/syn/trials?scenario=finance&pageSize=10&page=2")).body;
    expect(first.trials).toHaveLength(10);
    expect(first.total).toBe(second.total);
    expect(first.trials.every((t) => t.scenario === "finance")).toBe(true);
    expect(new Set([...first.trials, ...second.trials].map((t) => t.id)).size).toBe(20);
    const monitored = (await get<TrialPage>("/api/studies/syn/trials?monitoring=monitored&model=openai:gpt-5.2&status=ok,incomplete")).body;
    expect(monitored.trials.every((t) => t.condition.monitoring === "monitored" && t.model === "openai:gpt-5.2" && t.status !== "error")).toBe(true);
    const beyond = (await get<TrialPage>("/api/studies/syn/trials?page=1000")).body;
    expect(beyond.trials).toEqual([]);
  });
});

describe("GET /api/trials/:id", () => {
  it("gives the whole trial, its evidence pointing at transcript steps", async () => {
    const page = (await get<TrialPage>("/api/studies/syn/trials?scenario=exfiltration-transfer&label=exfiltration&model=openai:gpt-5.2")).body;
    const { status, body } = await get<TrialResponse>(`/api/trials/${page.trials[0]!.id}`);
    expect(status).toBe(200);
    expect(body.labels.exfiltration).toBe(true);
    const step = body.evidence.exfiltration?.[0]?.step;
    expect(body.transcript.events.find((event) => event.index === step)?.type).toBe("assistant");
    expect(body.worldDiff.length).toBeGreaterThan(0);
  });

  it("finds a trial's twin that differs in one condition key", async () => {
    const page = (await get<TrialPage>("/api/studies/syn/trials?scenario=alignment-faking&monitoring=monitored&pageSize=1")).body;
    const trial = page.trials[0]!;
    const { body } = await get<CounterpartsResponse>(`/api/trials/${trial.id}/counterparts?key=monitoring`);
    expect(body.counterparts.length).toBeGreaterThan(0);
    expect(body.counterparts[0]).toMatchObject({ value: "unmonitored", differs: [] });
    expect(body.counterparts.at(-1)!.differs.length).toBeGreaterThan(0);
    const twin = (await get<TrialResponse>(`/api/trials/${body.counterparts[0]!.id}`)).body;
    expect(twin.condition).toEqual({ ...trial.condition, monitoring: "unmonitored" });
    expect([twin.model, twin.scenario]).toEqual([trial.model, trial.scenario]);
  });
});

describe("bad requests", () => {
  const cases: Array<[string, number, RegExp]> = [
    ["/api/studies?x=1", 400, /unknown parameter "x"; this endpoint takes no parameters/],
    ["/api/studies/syn/results?relationship=great", 400, /"relationship": got "great"; expected one or more of good, neutral, bad, none/],
    ["/api/studies/syn/results?level=0.5", 400, /"level".*0\.9, 0\.95 or 0\.99/],
    ["/api/studies/syn/results?alpha=2", 400, /"alpha"/],
    ["/api/studies/syn/trials?page=0", 400, /"page": got "0"; expected an integer of at least 1/],
    ["/api/studies/syn/trials?pageSize=100000", 400, /"pageSize".*1 to 500/],
    ["/api/studies/syn/trials?page=1&page=2", 400, /"page": give it once/],
    ["/api/studies/syn/trials?threshold=85", 400, /"threshold": got "85"; expected one or more of 80, 90/],
    ["/api/studies/syn/trials?scenario=payroll", 400, /"scenario": got "payroll"/],
    ["/api/studies/syn/trials?label=happiness", 400, /"label".*one of read, completed/],
    ["/api/studies/syn/trials?value=true", 400, /"value": it needs "label"/],
    ["/api/studies/syn/trials?status=ok,weird", 400, /"status": got "weird"/],
    ["/api/studies/syn/trials?pageSize=", 400, /"pageSize"/],
    ["/api/trials/x/counterparts", 400, /missing parameter "key"/],
    ["/api/trials/x/counterparts?key=colour", 400, /"key".*one of subject, relationship/],
    ["/api/studies/nope/trials", 404, /no study named "nope"/],
    ["/api/trials/nope", 404, /no trial with id "nope"/],
    ["/api/trials/nope/counterparts?key=monitoring", 404, /no trial/],
    ["/api/nothing", 404, /no such endpoint/],
  ];
  it.each(cases)("%s → %i with a clear message", async (path, code, message) => {
    const response = await app.request(`http://127.0.0.1${path}`);
    expect(response.status).toBe(code);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(message);
    expect(body.error).not.toMatch(/\n\s+at /);
  });

  it("refuses every method but GET and HEAD: the viewer is read-only", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await app.request("http://127.0.0.1/api/studies/syn", { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    }
    expect((await store.getStudy("syn"))?.name).toBe("syn");
  });

  it("serves loopback host names only when no token is set", async () => {
    expect((await app.request("http://127.0.0.1/api/studies")).status).toBe(200);
    expect((await app.request("http://localhost:8080/api/studies")).status).toBe(200);
    expect((await app.request("http://attacker.example/api/studies")).status).toBe(403);
  });
});

describe("the app page", () => {
  it("serves the browser app at any non-API path, or says it is not built", async () => {
    const page = await app.request("http://127.0.0.1/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>viewer</title>");
    expect((await app.request("http://127.0.0.1/some/deep/link")).status).toBe(200);
    const unbuilt = createViewerApp({ store, webRoot: join(webRoot, "missing") });
    const response = await unbuilt.request("http://127.0.0.1/");
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});

describe("token mode", () => {
  const token = "s3cret-token-0123456789";
  it("requires the token on every request, by header, query or the cookie the query sets", async () => {
    const guarded = createViewerApp({ store, webRoot, token });
    const url = "http://10.1.2.3:7371";
    expect((await guarded.request(`${url}/api/studies`)).status).toBe(401);
    expect((await guarded.request(`${url}/`)).status).toBe(401);
    expect((await guarded.request(`${url}/api/studies`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await guarded.request(`${url}/api/studies`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const first = await guarded.request(`${url}/?token=${token}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect((await guarded.request(`${url}/api/studies`, { headers: { cookie: cookie.split(";")[0]! } })).status).toBe(200);
  });

  it("refuses a non-loopback bind without a token, and serves over HTTP on loopback", async () => {
    await expect(startViewer({ store, webRoot, host: "0.0.0.0", port: 0 })).rejects.toThrow(/without a token/);
    const viewer = await startViewer({ store, webRoot, port: 0 });
    try {
      expect(viewer.url).toBe(`http://127.0.0.1:${viewer.port}/`);
      const response = await fetch(`${viewer.url}api/studies`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as StudyListItem[]).map((s) => s.name)).toContain("syn");
    } finally {
      await viewer.close();
    }
  });
});
