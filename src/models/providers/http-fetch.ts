import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

type Fetch = typeof globalThis.fetch;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  if (headers == null) return {};
  if (headers instanceof Headers || Array.isArray(headers) || Symbol.iterator in headers) return Object.fromEntries(new Headers(headers).entries());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === "string") out[name] = value;
  return out;
}

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/**
 * `fetch` for the providers' JSON calls over Node's own HTTP client with keep-alive connections.
 * Node's built-in fetch runs every call through the WHATWG request, body-stream and response
 * machinery, which cost more CPU than the rest of a model call. This one buffers the answer (the
 * providers read non-streamed answers whole anyway) and hands back a standard Response.
 * Failures look as they do from fetch: a TypeError "fetch failed" with the socket error as cause,
 * or the signal's reason on abort. Anything it does not cover (redirects, stream or form bodies,
 * Request objects) goes to the built-in fetch.
 */
export function createHttpFetch(fallback: Fetch = globalThis.fetch): Fetch {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    if (input instanceof Request || (body != null && typeof body !== "string" && !(body instanceof Uint8Array))) return fallback(input, init);
    const url = input instanceof URL ? input : new URL(input);
    if (url.protocol !== "http:" && url.protocol !== "https:") return fallback(input, init);
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const https = url.protocol === "https:";
      const send = https ? httpsRequest : httpRequest;
      const headers = headerRecord(init?.headers);
      if (body != null) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        outcome();
      };
      const onAbort = () => {
        req.destroy();
        finish(() => reject(signal?.reason));
      };
      const failed = (error: Error) => finish(() => reject(new TypeError("fetch failed", { cause: error })));
      const req = send(url, { method: init?.method ?? "GET", headers, agent: https ? agents.https : agents.http }, (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status) && res.headers.location) {
          res.resume();
          finish(() => resolve(fallback(input, init)));
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", failed);
        res.on("close", () => {
          if (!res.complete) failed(new Error("terminated"));
        });
        res.on("end", () =>
          finish(() => {
            try {
              resolve(new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? "", headers: responseHeaders(res) }));
            } catch (error) {
              reject(error);
            }
          }),
        );
      });
      req.on("error", failed);
      signal?.addEventListener("abort", onAbort, { once: true });
      req.end(body ?? undefined);
    });
  };
  return fetch as Fetch;
}
