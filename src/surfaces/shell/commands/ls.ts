import { posix } from "node:path";
import { badOption, fail, parseArgs, resolvePath, type CommandImpl } from "../context.js";
import { entryOf, type Entry } from "../entry.js";
import { allocated, fullIso, humanSize, modeString, strftime } from "../format.js";

const SIX_MONTHS_MS = 15_778_476_000;

function timeText(mtime: Date, now: Date, style: string): string {
  if (style === "full-iso") return fullIso(mtime);
  if (style === "long-iso") return strftime(mtime, "%Y-%m-%d %H:%M");
  if (style === "iso") return now.getTime() - mtime.getTime() < SIX_MONTHS_MS && mtime <= now ? strftime(mtime, "%m-%d %H:%M") : strftime(mtime, "%Y-%m-%d ");
  if (style.startsWith("+")) {
    const [recent, old] = style.slice(1).split("\n");
    const useOld = old !== undefined && !(now.getTime() - mtime.getTime() < SIX_MONTHS_MS && mtime <= now);
    return strftime(mtime, useOld ? old : recent ?? "");
  }
  const recent = now.getTime() - mtime.getTime() < SIX_MONTHS_MS && mtime.getTime() <= now.getTime() + 60_000;
  return strftime(mtime, recent ? "%b %e %H:%M" : "%b %e  %Y");
}

/** GNU `ls`, as it prints when its output is not a terminal (one name a line unless -l). */
export const ls: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, {
    short: "laAhtrS1dFpRgoniUG",
    long: ["all", "almost-all", "human-readable", "reverse", "full-time", "directory", "classify", "recursive", "color", "numeric-uid-gid", "no-group"],
    valueLong: ["time-style", "color", "sort"],
  });
  if (parsed.unknown) return badOption("ls", parsed.unknown);
  const f = parsed.flags;
  const fullTime = f.has("full-time");
  const long = f.has("l") || f.has("g") || f.has("o") || f.has("n") || fullTime;
  const all = f.has("a") || f.has("all");
  const almostAll = f.has("A") || f.has("almost-all");
  const human = f.has("h") || f.has("human-readable");
  const reverse = f.has("r") || f.has("reverse");
  const sortKey = f.has("U") ? "none" : f.has("S") || parsed.values.get("sort") === "size" ? "size" : f.has("t") || parsed.values.get("sort") === "time" ? "time" : "name";
  const dirAsFile = f.has("d") || f.has("directory");
  const classify = f.has("F") || f.has("classify");
  const slashDirs = f.has("p");
  const recursive = f.has("R") || f.has("recursive");
  let style = fullTime ? "full-iso" : parsed.values.get("time-style") ?? "locale";
  if (style.startsWith("posix-")) style = style.slice(6);
  if (!["full-iso", "long-iso", "iso", "locale"].includes(style) && !style.startsWith("+")) {
    return fail(`ls: invalid argument '${style}' for 'time style'\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\nTry 'ls --help' for more information.`, 2);
  }
  const now = on.host.now();
  const sorted = (entries: Entry[]): Entry[] => {
    const out = [...entries];
    if (sortKey === "name") out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    else if (sortKey === "time") out.sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || (a.name < b.name ? -1 : 1));
    else if (sortKey === "size") out.sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
    return reverse ? out.reverse() : out;
  };
  const suffix = (entry: Entry): string => (entry.isDir && (classify || slashDirs) ? "/" : classify && entry.mode & 0o111 ? "*" : "");
  const render = (entries: Entry[], withTotal: boolean): string => {
    if (!long) return entries.map((entry) => `${entry.name}${suffix(entry)}\n`).join("");
    const sizeText = (entry: Entry): string => (human ? humanSize(entry.size) : String(entry.size));
    const linkWidth = Math.max(0, ...entries.map((entry) => String(entry.links).length));
    const ownerWidth = Math.max(0, ...entries.map((entry) => entry.owner.length));
    const sizeWidth = Math.max(0, ...entries.map((entry) => sizeText(entry).length));
    let out = "";
    if (withTotal) {
      const blocks = entries.reduce((sum, entry) => sum + allocated(entry.size), 0);
      out += `total ${human ? humanSize(blocks) : blocks / 1024}\n`;
    }
    for (const entry of entries) {
      const owners = [f.has("g") ? null : entry.owner.padEnd(ownerWidth), f.has("o") || f.has("G") ? null : entry.owner.padEnd(ownerWidth)].filter((part) => part !== null);
      out += `${modeString(entry.isDir, entry.mode)} ${String(entry.links).padStart(linkWidth)} ${owners.join(" ")} ${sizeText(entry).padStart(sizeWidth)} ${timeText(entry.mtime, now, style)} ${entry.name}${suffix(entry)}\n`;
    }
    return out;
  };
  const listDir = (path: string): Entry[] => {
    const entries: Entry[] = [];
    if (all) {
      const self = entryOf(on.host, path, ".");
      const parent = entryOf(on.host, posix.dirname(path), "..");
      if (self) entries.push(self);
      if (parent) entries.push(parent);
    }
    for (const name of on.host.childrenOf(path)) {
      if (name.startsWith(".") && !all && !almostAll) continue;
      const entry = entryOf(on.host, posix.join(path, name), name);
      if (entry) entries.push(entry);
    }
    return entries;
  };

  const operands = parsed.operands.length > 0 ? parsed.operands : ["."];
  let stderr = "";
  let exitCode = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const operand of operands) {
    const entry = entryOf(on.host, resolvePath(ctx, operand), operand);
    if (!entry) {
      stderr += `ls: cannot access '${operand}': No such file or directory\n`;
      exitCode = 2;
    } else if (entry.isDir && !dirAsFile) dirs.push(entry);
    else files.push(entry);
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(sorted(files), false));
  const showHeaders = operands.length > 1 || recursive;
  const queue = sorted(dirs);
  while (queue.length > 0) {
    const dir = queue.shift()!;
    const entries = sorted(listDir(dir.path));
    sections.push(`${showHeaders ? `${dir.name}:\n` : ""}${render(entries, true)}`);
    if (recursive) {
      const children = entries
        .filter((entry) => entry.isDir && entry.name !== "." && entry.name !== "..")
        .map((entry) => ({ ...entry, name: posix.join(dir.name, entry.name) }));
      queue.unshift(...children);
    }
  }
  return { stdout: sections.join("\n"), stderr, exitCode };
};
