import { posix } from "node:path";
import type { Host } from "../../../world/index.js";
import { badOption, fail, parseArgs, resolvePath, type CommandImpl } from "../context.js";

/**
 * Copies a file or tree within or across hosts. Without `preserve` the copy takes the world's
 * current time (like cp and scp); with it, the source's time and mode.
 */
export function copyTree(from: Host, source: string, to: Host, target: string, options: { preserve: boolean; user: string }): void {
  const file = from.getFile(source);
  if (file) {
    const existed = to.getFile(target);
    to.writeFile(target, file.content.slice(), {
      owner: existed ? existed.owner : options.user,
      mode: existed && !options.preserve ? existed.mode : file.mode,
      ...(options.preserve ? { mtime: file.mtime } : {}),
    });
    return;
  }
  const dir = from.dirs.get(source);
  if (!dir) return;
  if (!to.isDir(target)) to.mkdirp(target, options.user);
  for (const name of from.childrenOf(source)) copyTree(from, posix.join(source, name), to, posix.join(target, name), options);
  if (options.preserve) to.setTimes(target, dir.mtime);
}

/** GNU `cp`: -r/-R, -p, -a, -n, -f, -i, -v, -u, --preserve. */
export const cp: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, { short: "rRpafinvuvdPL", long: ["recursive", "archive", "force", "no-clobber", "verbose", "preserve", "update", "interactive"], valueLong: ["preserve"] });
  if (parsed.unknown) return badOption("cp", parsed.unknown);
  const f = parsed.flags;
  const archive = f.has("a") || f.has("archive");
  const recursive = archive || f.has("r") || f.has("R") || f.has("recursive");
  const preserve = archive || f.has("p") || f.has("preserve") || /timestamps|all/.test(parsed.values.get("preserve") ?? "");
  const noClobber = f.has("n") || f.has("no-clobber");
  const verbose = f.has("v") || f.has("verbose");
  const operands = parsed.operands;
  if (operands.length === 0) return fail("cp: missing file operand\nTry 'cp --help' for more information.");
  if (operands.length === 1) return fail(`cp: missing destination file operand after '${operands[0]}'\nTry 'cp --help' for more information.`);
  const dest = operands[operands.length - 1]!;
  const destPath = resolvePath(ctx, dest);
  const sources = operands.slice(0, -1);
  const intoDir = on.host.isDir(destPath);
  if (sources.length > 1 && !intoDir) return fail(`cp: target '${dest}' is not a directory`);
  let stdout = "";
  let stderr = "";
  for (const source of sources) {
    const sourcePath = resolvePath(ctx, source);
    if (!on.host.exists(sourcePath)) {
      stderr += `cp: cannot stat '${source}': No such file or directory\n`;
      continue;
    }
    const isDir = on.host.isDir(sourcePath);
    if (isDir && !recursive) {
      stderr += `cp: -r not specified; omitting directory '${source}'\n`;
      continue;
    }
    const target = intoDir ? posix.join(destPath, posix.basename(sourcePath)) : destPath;
    if (target === sourcePath) {
      stderr += `cp: '${source}' and '${intoDir ? posix.join(dest, posix.basename(sourcePath)) : dest}' are the same file\n`;
      continue;
    }
    if (isDir && (target + "/").startsWith(sourcePath + "/")) {
      stderr += `cp: cannot copy a directory, '${source}', into itself, '${dest}'\n`;
      continue;
    }
    const parent = posix.dirname(target);
    if (!on.host.isDir(parent)) {
      stderr += `cp: cannot create regular file '${dest}': No such file or directory\n`;
      continue;
    }
    if (!isDir && on.host.isDir(target)) {
      stderr += `cp: cannot overwrite directory '${target}' with non-directory\n`;
      continue;
    }
    if (noClobber && on.host.exists(target)) continue;
    if (f.has("u") && on.host.getFile(target) && on.host.getFile(target)!.mtime >= on.host.getFile(sourcePath)!.mtime) continue;
    copyTree(on.host, sourcePath, on.host, target, { preserve, user: on.user });
    if (verbose) stdout += `'${source}' -> '${intoDir ? posix.join(dest, posix.basename(sourcePath)) : dest}'\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

/** `ln`: the servers' filesystem takes no symbolic links; a hard link is a copy with the same time. */
export const ln: CommandImpl = async (args, ctx, on) => {
  const parsed = parseArgs(args, { short: "sfvnrT", long: ["symbolic", "force", "verbose"] });
  if (parsed.unknown) return badOption("ln", parsed.unknown);
  const [target, link] = parsed.operands;
  if (target === undefined) return fail("ln: missing file operand\nTry 'ln --help' for more information.");
  const linkName = link ?? posix.basename(target);
  if (parsed.flags.has("s") || parsed.flags.has("symbolic")) return fail(`ln: failed to create symbolic link '${linkName}': Operation not permitted`);
  const source = resolvePath(ctx, target);
  if (on.host.isDir(source)) return fail(`ln: ${target}: hard link not allowed for directory`);
  const file = on.host.getFile(source);
  if (!file) return fail(`ln: failed to access '${target}': No such file or directory`);
  let dest = resolvePath(ctx, linkName);
  if (on.host.isDir(dest)) dest = posix.join(dest, posix.basename(source));
  if (on.host.exists(dest) && !parsed.flags.has("f") && !parsed.flags.has("force")) return fail(`ln: failed to create hard link '${linkName}': File exists`);
  if (!on.host.isDir(posix.dirname(dest))) return fail(`ln: failed to create hard link '${linkName}': No such file or directory`);
  on.host.writeFile(dest, file.content, { owner: file.owner, mtime: file.mtime, mode: file.mode });
  return { stdout: "", stderr: "", exitCode: 0 };
};
