import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

const COOKIE = "viewer_token";
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** True for an address that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The viewer never changes the store: anything but GET and HEAD is refused. */
export const readOnly: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    c.header("Allow", "GET, HEAD");
    return c.json({ error: `${c.req.method} is not allowed: the viewer is read-only` }, 405);
  }
  await next();
};

/**
 * Without a token the server is bound to loopback; it then also refuses requests whose Host is not
 * a loopback name, so a web page cannot reach it through a rebound DNS name.
 */
export const loopbackHostOnly: MiddlewareHandler = async (c, next) => {
  // the node adapter builds the request URL from the Host header
  const host = new URL(c.req.url).hostname;
  if (!isLoopback(host)) return c.json({ error: `host "${host}" is not served; open the viewer at http://127.0.0.1` }, 403);
  await next();
};

/**
 * Token check for a viewer reachable from other machines: the token comes as `Authorization:
 * Bearer`, `X-Viewer-Token`, or `?token=` on the first page load, which then sets a cookie.
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const bearer = c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
    const fromQuery = c.req.query("token");
    const given = [bearer, c.req.header("x-viewer-token"), fromQuery, getCookie(c, COOKIE)].find((value) => value !== undefined && same(value, token));
    if (given === undefined) {
      const message = "a valid token is required: open the address printed by `peerguard view` (it carries ?token=)";
      return c.req.path.startsWith("/api/") ? c.json({ error: message }, 401) : c.text(message, 401);
    }
    if (fromQuery !== undefined) setCookie(c, COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
    await next();
  };
}
