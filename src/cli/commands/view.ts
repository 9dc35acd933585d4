import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { isLoopback, startViewer } from "../../server/index.js";
import { UserError } from "../../study/index.js";
import { openExistingStore, say, type CliContext } from "../context.js";
import { integer, STORE_OPTION_HELP } from "./options.js";

interface ViewOptions {
  store?: string;
  port: number;
  host?: string;
  token?: string;
}

export function registerView(program: Command, ctx: CliContext): void {
  program
    .command("view")
    .description("browse studies in a local web viewer (read-only; loopback only unless --host is given)")
    .argument("[studies...]", "only these studies (default: every study in the store)")
    .option("--store <path>", STORE_OPTION_HELP)
    .option("--port <n>", "port to listen on (0 picks a free one)", integer(0), 7371)
    .option("--host <address>", "address to bind; a non-loopback address requires a token")
    .option("--token <token>", "access token for a non-loopback --host (default: a new random one, printed)")
    .action(async (studies: string[], options: ViewOptions) => {
      if (options.port > 65535) throw new UserError(`--port: expected a port from 0 to 65535, got ${options.port}`);
      const host = options.host ?? "127.0.0.1";
      if (options.token !== undefined && options.token.length < 16) throw new UserError("--token: use at least 16 characters");
      const token = isLoopback(host) ? null : (options.token ?? randomBytes(24).toString("base64url"));
      const store = await openExistingStore(ctx, options.store);
      let stopping = false;
      try {
        const known = new Set((await store.listStudies()).map((study) => study.name));
        const missing = studies.filter((name) => !known.has(name));
        if (missing.length > 0) {
          throw new UserError(`no study named "${missing[0]}" in ${store.path}${known.size > 0 ? `; studies: ${[...known].join(", ")}` : ""}`);
        }
        const viewer = await startViewer({ store, host, port: options.port, token, ...(studies.length > 0 ? { studies } : {}) }).catch((error: unknown) => {
          const code = (error as { code?: string }).code;
          if (code === "EADDRINUSE") throw new UserError(`--port: port ${options.port} is in use; pick another one, or --port 0 for any free port`);
          if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UserError(`--host: cannot bind ${host} on this machine`);
          throw error;
        });
        say(ctx.io.stdout, `peerguard viewer on ${viewer.url}`);
        if (token) say(ctx.io.stdout, `listening on ${host}; every request needs the token above (header, ?token= or the cookie it sets)`);
        say(ctx.io.stdout, "read-only; press Ctrl-C to stop");
        await new Promise<void>((done) => {
          const stop = () => {
            if (stopping) return;
            stopping = true;
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            done();
          };
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        });
        await viewer.close();
      } finally {
        await store.close();
      }
    });
}
