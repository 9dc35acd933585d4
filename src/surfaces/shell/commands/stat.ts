import { badOption, fail, parseArgs, resolvePath, type CommandImpl } from "../context.js";
import { entryOf, type Entry } from "../entry.js";
import { allocated, fullIso, inodeOf, modeString, uidOf } from "../format.js";

type Info = Omit<Entry, "links">;

function fileType(info: Info): string {
  return info.isDir ? "directory" : info.size === 0 ? "regular empty file" : "regular file";
}

function unescape(text: string): string {
  return text.replace(/\\(n|t|\\|"|0|r)/g, (_, ch: string) => ({ n: "\n", t: "\t", "\\": "\\", '"': '"', "0": "\0", r: "\r" })[ch] ?? ch);
}

function formatStat(format: string, info: Info, host: string): string {
  const seconds = Math.floor(info.mtime.getTime() / 1000);
  const uid = uidOf(info.owner);
  return format.replace(/%([a-zA-Z%])/g, (whole, ch: string) => {
    switch (ch) {
      case "n": return info.name;
      case "N": return `'${info.name}'`;
      case "s": return String(info.size);
      case "b": return String(allocated(info.size) / 512);
      case "B": return "512";
      case "o": return "4096";
      case "y": case "x": case "z": return fullIso(info.mtime);
      case "Y": case "X": case "Z": return String(seconds);
      case "w": return "-";
      case "W": return "0";
      case "U": case "G": return info.owner;
      case "u": case "g": return String(uid);
      case "a": return (info.mode & 0o7777).toString(8);
      case "A": return modeString(info.isDir, info.mode);
      case "f": return ((info.isDir ? 0o040000 : 0o100000) | info.mode).toString(16);
      case "F": return fileType(info);
      case "h": return info.isDir ? "2" : "1";
      case "i": return String(inodeOf(host, info.path));
      case "d": return "2051";
      case "D": return "803";
      case "m": return "/";
      case "t": return "8";
      case "T": return "1";
      case "%": return "%";
      default: return whole;
    }
  });
}

function defaultStat(info: Info, host: string): string {
  const uid = uidOf(info.owner);
  const blocks = allocated(info.size) / 512;
  const time = fullIso(info.mtime);
  return (
    `  File: ${info.name}\n` +
    `  Size: ${String(info.size).padEnd(15)} Blocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${fileType(info)}\n` +
    `Device: 803h/2051d\tInode: ${String(inodeOf(host, info.path)).padEnd(11)} Links: ${info.isDir ? 2 : 1}\n` +
    `Access: (${(info.mode & 0o7777).toString(8).padStart(4, "0")}/${modeString(info.isDir, info.mode)})  Uid: (${String(uid).padStart(5)}/${info.owner.padStart(8)})   Gid: (${String(uid).padStart(5)}/${info.owner.padStart(8)})\n` +
    `Access: ${time}\nModify: ${time}\nChange: ${time}\n Birth: -\n`
  );
}

/** GNU `stat`: default output and `-c/--format/--printf`, with apparent sizes. */
export const stat: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, { short: "LtfF", valueShort: "c", long: ["dereference", "terse"], valueLong: ["format", "printf"] });
  if (parsed.unknown) return badOption("stat", parsed.unknown);
  if (parsed.operands.length === 0) return fail("stat: missing operand\nTry 'stat --help' for more information.");
  const printf = parsed.values.get("printf");
  const format = parsed.values.get("c") ?? parsed.values.get("format");
  let stdout = "";
  let stderr = "";
  for (const operand of parsed.operands) {
    const path = resolvePath(ctx, operand);
    const info = entryOf(on.host, path, operand);
    if (!info) {
      stderr += `stat: cannot statx '${operand}': No such file or directory\n`;
      continue;
    }
    if (printf !== undefined) stdout += formatStat(unescape(printf), info, on.host.name);
    else if (format !== undefined) stdout += `${formatStat(format, info, on.host.name)}\n`;
    else stdout += defaultStat(info, on.host.name);
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
