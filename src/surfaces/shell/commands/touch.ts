import { fail, parseArgs, resolvePath, badOption, type CommandImpl } from "../context.js";
import { parseDate, parseTouchStamp } from "../format.js";

/** GNU `touch`: world time by default, or -d DATE, -t STAMP, -r FILE; -c does not create. */
export const touch: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, { short: "acmfh", valueShort: "dtr", long: ["no-create", "no-dereference"], valueLong: ["date", "reference", "time"] });
  if (parsed.unknown) return badOption("touch", parsed.unknown);
  if (parsed.operands.length === 0) return fail("touch: missing file operand\nTry 'touch --help' for more information.");
  let when = on.host.now();
  const dateText = parsed.values.get("d") ?? parsed.values.get("date");
  const stamp = parsed.values.get("t");
  const reference = parsed.values.get("r") ?? parsed.values.get("reference");
  if (dateText !== undefined) {
    const parsedDate = parseDate(dateText, on.host.now());
    if (!parsedDate) return fail(`touch: invalid date format '${dateText}'`);
    when = parsedDate;
  } else if (stamp !== undefined) {
    const parsedStamp = parseTouchStamp(stamp, on.host.now());
    if (!parsedStamp) return fail(`touch: invalid date format '${stamp}'`);
    when = parsedStamp;
  } else if (reference !== undefined) {
    const path = resolvePath(ctx, reference);
    const entry = on.host.getFile(path) ?? on.host.dirs.get(path);
    if (!entry) return fail(`touch: failed to get attributes of '${reference}': No such file or directory`);
    when = entry.mtime;
  }
  const accessOnly = parsed.flags.has("a") && !parsed.flags.has("m");
  const noCreate = parsed.flags.has("c") || parsed.flags.has("no-create");
  let stderr = "";
  for (const operand of parsed.operands) {
    const path = resolvePath(ctx, operand);
    if (on.host.exists(path)) {
      if (!accessOnly) on.host.setTimes(path, when);
      continue;
    }
    if (noCreate) continue;
    const parent = path.slice(0, path.lastIndexOf("/")) || "/";
    if (!on.host.isDir(parent)) {
      stderr += `touch: cannot touch '${operand}': ${on.host.isFile(parent) ? "Not a directory" : "No such file or directory"}\n`;
      continue;
    }
    on.host.writeFile(path, "", { owner: on.user, mtime: when });
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
};
