import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CommanderError } from "commander";
import { ModelSpecError, ScriptError } from "../models/index.js";
import { redactSecrets } from "../models/reliability/index.js";
import { UserError } from "../study/index.js";

/** Error names of user mistakes raised below the CLI (missing API keys, model downloads, price files). */
const USER_ERROR_NAMES = new Set(["MissingApiKeyError", "ModelDownloadError", "PriceTableError"]);

/** True for a mistake in the user's input: exit 2 with the message alone. */
export function isUserMistake(error: unknown): error is Error {
  return error instanceof UserError || error instanceof ModelSpecError || error instanceof ScriptError || (error instanceof Error && USER_ERROR_NAMES.has(error.name));
}

export function isCommanderError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}

/** Writes an internal fault's stack, without secrets, to a log file under `.peerguard/logs/`; returns its path (null if it could not be written). */
export function logFault(cwd: string, error: unknown, now: Date = new Date(), secrets: Iterable<string> = []): string | null {
  try {
    const dir = join(cwd, ".peerguard", "logs");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `error-${now.toISOString().replace(/[:.]/g, "-")}.log`);
    const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    writeFileSync(file, `${now.toISOString()}\n${redactSecrets(text, secrets)}\n`);
    return file;
  } catch {
    return null;
  }
}
