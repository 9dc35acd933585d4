import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { isLoopback, loopbackHostOnly, readOnly, requireToken } from "./access.js";

describe("isLoopback", () => {
  it("accepts only addresses this machine alone can reach", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopback(host), host).toBe(true);
    for (const host of ["0.0.0.0", "10.0.0.5", "::", "example.com", "127.0.0.1.nip.io"]) expect(isLoopback(host), host).toBe(false);
  });
});

function app(...middleware: Parameters<Hono["use"]>[1][]) {
  const hono = new Hono();
  for (const handler of middleware) hono.use(handler);
  hono.all("*", (c) => c.text("ok"));
  return hono;
}

describe("access middleware", () => {
  it("refuses writes", async () => {
    const hono = app(readOnly);
    expect((await hono.request("http://127.0.0.1/x")).status).toBe(200);
    expect((await hono.request("http://127.0.0.1/x", { method: "HEAD" })).status).toBe(200);
    expect((await hono.request("http://127.0.0.1/x", { method: "DELETE" })).status).toBe(405);
  });

  it("refuses non-loopback Host names (DNS rebinding)", async () => {
    const hono = app(loopbackHostOnly);
    expect((await hono.request("http://[::1]:80/")).status).toBe(200);
    expect((await hono.request("http://rebind.example:7371/")).status).toBe(403);
  });

  it("accepts the token by header, X-Viewer-Token, query or cookie only when it matches", async () => {
    const hono = app(requireToken("0123456789abcdef"));
    expect((await hono.request("http://h/api/x")).status).toBe(401);
    expect((await hono.request("http://h/api/x?token=0123456789abcdeX")).status).toBe(401);
    expect((await hono.request("http://h/api/x", { headers: { "x-viewer-token": "0123456789abcdef" } })).status).toBe(200);
    expect((await hono.request("http://h/api/x", { headers: { cookie: "viewer_token=0123456789abcdef" } })).status).toBe(200);
    expect((await hono.request("http://h/api/x", { headers: { authorization: "Bearer 0123456789abcde" } })).status).toBe(401);
  });
});
