import { fail, resolvePath, type CommandImpl } from "../context.js";
import { defaultDate, parseDate, strftime } from "../format.js";

const ISO_FORMATS: Record<string, string> = {
  date: "%Y-%m-%d",
  hours: "%Y-%m-%dT%H%:z",
  minutes: "%Y-%m-%dT%H:%M%:z",
  seconds: "%Y-%m-%dT%H:%M:%S%:z",
  ns: "%Y-%m-%dT%H:%M:%S,%N%:z",
};
const RFC3339: Record<string, string> = { date: "%Y-%m-%d", seconds: "%Y-%m-%d %H:%M:%S%:z", ns: "%Y-%m-%d %H:%M:%S.%N%:z" };

/** GNU `date` on the world clock: -d/--date, -r/--reference, -u, -I, -R, --rfc-3339, +FORMAT. */
export const date: CommandImpl = async (args, ctx, on) => {
  let when = on.host.now();
  let format = "%a %b %e %H:%M:%S %Z %Y";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const value = (name: string): string | undefined => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : arg.length > name.length && !arg.startsWith("--") ? arg.slice(name.length) : args[++i]);
    if (arg.startsWith("+")) format = arg.slice(1);
    else if (arg === "-u" || arg === "--utc" || arg === "--universal") continue;
    else if (arg.startsWith("-d") || arg.startsWith("--date")) {
      const text = value("-d");
      if (text === undefined) return fail("date: option requires an argument -- 'd'\nTry 'date --help' for more information.");
      const parsed = parseDate(text, on.host.now());
      if (!parsed) return fail(`date: invalid date '${text}'`);
      when = parsed;
    } else if (arg.startsWith("-r") || arg.startsWith("--reference")) {
      const path = value("-r");
      if (path === undefined) return fail("date: option requires an argument -- 'r'\nTry 'date --help' for more information.");
      const resolved = resolvePath(ctx, path);
      const entry = on.host.getFile(resolved) ?? on.host.dirs.get(resolved);
      if (!entry) return fail(`date: ${path}: No such file or directory`);
      when = entry.mtime;
    } else if (arg === "-R" || arg === "--rfc-email" || arg === "--rfc-2822") format = "%a, %d %b %Y %H:%M:%S %z";
    else if (arg.startsWith("-I") || arg.startsWith("--iso-8601")) {
      const precision = arg.startsWith("-I") ? arg.slice(2) || "date" : arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : "date";
      const chosen = ISO_FORMATS[precision];
      if (!chosen) return fail(`date: invalid argument '${precision}' for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\nTry 'date --help' for more information.`);
      format = chosen;
    } else if (arg.startsWith("--rfc-3339")) {
      const chosen = RFC3339[arg.slice(arg.indexOf("=") + 1)];
      if (!arg.includes("=") || !chosen) return fail("date: option '--rfc-3339' requires an argument\nValid arguments are:\n  - 'date'\n  - 'seconds'\n  - 'ns'\nTry 'date --help' for more information.");
      format = chosen;
    } else if (arg === "-s" || arg.startsWith("--set")) return fail("date: cannot set date: Operation not permitted");
    else if (arg.startsWith("-")) return fail(`date: invalid option -- '${arg.slice(1, 2)}'\nTry 'date --help' for more information.`);
    else return fail(`date: invalid date '${arg}'`);
  }
  return { stdout: `${format === "%a %b %e %H:%M:%S %Z %Y" ? defaultDate(when) : strftime(when, format)}\n`, stderr: "", exitCode: 0 };
};
