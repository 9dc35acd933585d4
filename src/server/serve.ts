import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createViewer, type ViewerAppOptions } from "./app.js";
import { isLoopback } from "./access.js";

export interface ViewerServerOptions extends ViewerAppOptions {
  /** Address to bind; loopback unless the user asked otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Compute listings and matrices in the background once listening (default true). */
  warm?: boolean;
}

export interface RunningViewer {
  /** Address to open (with ?token= when a token is required). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the viewer; a non-loopback address needs a token, which then guards every request. */
export async function startViewer(options: ViewerServerOptions): Promise<RunningViewer> {
  const host = options.host ?? "127.0.0.1";
  const token = options.token ?? null;
  if (!isLoopback(host) && !token) throw new Error(`refusing to serve on ${host} without a token: other machines could read the store`);
  const { app, warm, close } = createViewer({ ...options, token });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, (info: AddressInfo) => {
      server.off("error", reject);
      let closing = false;
      const warming =
        options.warm === false
          ? Promise.resolve()
          : warm(() => closing).catch((error: unknown) => {
              if (!closing) console.error("viewer: precomputing study views failed:", error);
            });
      const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
      resolve({
        url: `http://${shown}:${info.port}/${token ? `?token=${encodeURIComponent(token)}` : ""}`,
        port: info.port,
        close: async () => {
          closing = true;
          await new Promise<void>((done) => server.close(() => done()));
          await warming;
          await close();
        },
      });
    });
    server.once("error", reject);
  });
}
