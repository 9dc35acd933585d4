import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Store, UserError, defaultStorePath } from "../study/index.js";

/** Where the CLI writes. A stream with `isTTY` gets the interactive progress bar. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
}

/** What every command gets: its output streams, directory and environment, and the exit code it sets. */
export interface CliContext {
  io: CliIO;
  cwd: string;
  env: NodeJS.ProcessEnv;
  exitCode: number;
  /** Whether this process may install signal handlers (false when main() runs inside a host program's tests). */
  handleSignals: boolean;
}

/** The store file for a command: `--store PATH`, else env PEERGUARD_STORE, else `.peerguard/peerguard.sqlite`. */
export function storePath(ctx: CliContext, option: string | undefined): string {
  return option ? resolve(ctx.cwd, option) : defaultStorePath(ctx.cwd, ctx.env);
}

/** Opens an existing store; a missing file is the user's mistake, and is not created. */
export async function openExistingStore(ctx: CliContext, option: string | undefined): Promise<Store> {
  const path = storePath(ctx, option);
  if (!existsSync(path)) throw new UserError(`no store at ${path}; run a study first, or point --store / PEERGUARD_STORE at one`);
  return Store.open(path);
}

export function say(stream: OutputStream, line: string): void {
  stream.write(`${line}\n`);
}
