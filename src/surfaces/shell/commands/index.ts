import { defineCommand, type Command } from "just-bash";
import { HostPathError } from "../../../world/index.js";
import { fail, type CommandHost, type CommandImpl } from "../context.js";
import { ERRNO_TEXT } from "../host-fs.js";
import { cmp } from "./cmp.js";
import { cp, ln } from "./cp.js";
import { date } from "./date.js";
import { df, du } from "./du.js";
import { directoryAware } from "./dir-errors.js";
import { find } from "./find.js";
import { ls } from "./ls.js";
import { rsync, scp, ssh } from "./remote.js";
import { openbrainShutdown } from "./shutdown.js";
import { stat } from "./stat.js";
import { hostname, id, uname, whoami, which } from "./system.js";
import { tar } from "./tar.js";
import { touch } from "./touch.js";
import { USAGE } from "./usage.js";

/** The commands that replace or add to the shell's built-ins, by name. */
export const COMMANDS: Readonly<Record<string, CommandImpl>> = {
  ls,
  stat,
  find,
  date,
  touch,
  du,
  df,
  cp,
  cmp,
  ln,
  tar,
  hostname,
  whoami,
  id,
  uname,
  which,
  ssh,
  scp,
  rsync,
  "openbrain-shutdown": openbrainShutdown,
  cat: directoryAware("cat"),
  head: directoryAware("head"),
  tail: directoryAware("tail"),
  wc: directoryAware("wc"),
};


/** Binds the shared implementations to one host and user. */
export function commandsFor(on: CommandHost): Command[] {
  return Object.entries(COMMANDS).map(([name, impl]) =>
    defineCommand(name, async (args, ctx) => {
      const usage = USAGE[name];
      if (usage !== undefined && args.includes("--help")) return { stdout: usage, stderr: "", exitCode: 0 };
      try {
        return await impl(args, ctx, on);
      } catch (error) {
        if (error instanceof HostPathError) return fail(`${name}: ${error.path}: ${ERRNO_TEXT[error.code] ?? error.code}`);
        throw error;
      }
    }),
  );
}
