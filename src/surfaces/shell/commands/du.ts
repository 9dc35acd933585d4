import { posix } from "node:path";
import { apparentSize } from "../../../world/index.js";
import { badOption, parseArgs, resolvePath, type CommandImpl } from "../context.js";
import { allocated, humanSize } from "../format.js";

/** GNU `du`: disk usage in 1K blocks (-h, -s, -a, -c, -b, -k, -m, --apparent-size, -d/--max-depth). */
export const du: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, { short: "hsacbkmxL", valueShort: "d", long: ["human-readable", "summarize", "all", "total", "apparent-size", "bytes"], valueLong: ["max-depth"] });
  if (parsed.unknown) return badOption("du", parsed.unknown);
  const f = parsed.flags;
  const human = f.has("h") || f.has("human-readable");
  const bytes = f.has("b") || f.has("bytes");
  const apparent = bytes || f.has("apparent-size");
  const maxDepthText = parsed.values.get("d") ?? parsed.values.get("max-depth");
  const maxDepth = f.has("s") || f.has("summarize") ? 0 : maxDepthText !== undefined ? Number(maxDepthText) : Infinity;
  const all = f.has("a") || f.has("all");
  const sizeOf = (path: string): number => {
    const file = on.host.getFile(path);
    if (!file) return 4096;
    const size = apparentSize(file.content);
    return apparent ? size : allocated(size);
  };
  const show = (size: number): string =>
    human ? (size === 0 ? "0" : humanSize(size)) : bytes ? String(size) : f.has("m") ? String(Math.ceil(size / 1048576)) : String(Math.ceil(size / 1024));
  let stdout = "";
  let stderr = "";
  let total = 0;
  const walk = (path: string, label: string, depth: number): number => {
    if (on.host.isFile(path)) {
      const size = sizeOf(path);
      if (depth <= maxDepth && (all || depth === 0)) stdout += `${show(size)}\t${label}\n`;
      return size;
    }
    let size = sizeOf(path);
    for (const name of on.host.childrenOf(path)) size += walk(posix.join(path, name), label.endsWith("/") ? `${label}${name}` : `${label}/${name}`, depth + 1);
    if (depth <= maxDepth) stdout += `${show(size)}\t${label}\n`;
    return size;
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ["."];
  for (const operand of operands) {
    const path = resolvePath(ctx, operand);
    if (!on.host.exists(path)) {
      stderr += `du: cannot access '${operand}': No such file or directory\n`;
      continue;
    }
    total += walk(path, operand, 0);
  }
  if (f.has("c") || f.has("total")) stdout += `${show(total)}\ttotal\n`;
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

/** `df`: one root filesystem whose usage follows the files on the host. */
export const df: CommandImpl = async (args, _ctx, on) => {
  const human = args.some((arg) => /^-[a-zA-Z]*h/.test(arg) || arg === "--human-readable");
  const size = 492 * 1024 ** 3;
  let used = 9.6 * 1024 **3;
  for (const file of on.host.files.values()) used += allocated(apparentSize(file.content));
  used = Math.min(Math.round(used), size);
  const avail = size - used;
  const percent = `${Math.ceil((used / size) * 100)}%`;
  const rows: Array<[string, number, number, number, string, string]> = [
    ["udev", 8 * 1024 ** 3, 0, 8 * 1024 ** 3, "0%", "/dev"],
    ["tmpfs", 1.6 * 1024 ** 3, 1.1 * 1024 ** 2, 1.6 * 1024 ** 3 - 1.1 * 1024 ** 2, "1%", "/run"],
    ["/dev/sda1", size, used, avail, percent, "/"],
    ["tmpfs", 7.8 * 1024 ** 3, 0, 7.8 * 1024 ** 3, "0%", "/dev/shm"],
  ];
  const cell = (value: number): string => (human ? humanSize(Math.round(value)) : String(Math.round(value / 1024)));
  const header = human ? "Filesystem      Size  Used Avail Use% Mounted on\n" : "Filesystem     1K-blocks      Used Available Use% Mounted on\n";
  const body = rows
    .map(([name, total, usedBytes, free, use, mount]) =>
      human
        ? `${name.padEnd(15)} ${cell(total).padStart(4)} ${cell(usedBytes).padStart(5)} ${cell(free).padStart(5)} ${use.padStart(4)} ${mount}\n`
        : `${name.padEnd(14)} ${cell(total).padStart(10)} ${cell(usedBytes).padStart(9)} ${cell(free).padStart(9)} ${use.padStart(4)} ${mount}\n`,
    )
    .join("");
  return { stdout: header + body, stderr: "", exitCode: 0 };
};
