import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpFetch } from "./http-fetch.js";

let url = "";
const seen: { method: string; headers: IncomingMessage["headers"]; body: string }[] = [];
const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  seen.push({ method: req.method ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
  if (req.url === "/drop") return void req.socket.destroy();
  if (req.url === "/hang") return;
  if (req.url === "/empty") return void res.writeHead(204).end();
  res.writeHead(req.url === "/limited" ? 429 : 200, { "content-type": "application/json", "retry-after-ms": "30" }).end(JSON.stringify({ ok: true, ünicode: "é" }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("createHttpFetch", () => {
  const fetch = createHttpFetch();

  it("sends the method, headers and body, and answers with a standard Response", async () => {
    const body = JSON.stringify({ model: "m", input: "héllo" });
    const response = await fetch(`${url}/v1/chat`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer k" }, body });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("retry-after-ms")).toBe("30");
    expect(await response.json()).toEqual({ ok: true, ünicode: "é" });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", body });
    expect(request.headers.authorization).toBe("Bearer k");
    expect(request.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("passes error statuses and empty answers through", async () => {
    const limited = await fetch(`${url}/limited`, { method: "POST", body: "{}" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after-ms")).toBe("30");
    const empty = await fetch(`${url}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });

  it("fails as fetch does: a dropped connection is a TypeError with its cause, an abort rejects with the signal's reason", async () => {
    const dropped = await fetch(`${url}/drop`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(TypeError);
    expect((dropped as TypeError).message).toBe("fetch failed");
    expect((dropped as TypeError).cause).toBeInstanceOf(Error);
    const controller = new AbortController();
    const pending = fetch(`${url}/hang`, { method: "POST", body: "{}", signal: controller.signal });
    const reason = new DOMException("request timed out after 10 ms", "TimeoutError");
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
    await expect(fetch(`${url}/v1/chat`, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
