import { gunzipSync } from "node:zlib";
import { latin1FromBytes } from "just-bash";
import { apparentSize } from "../../../world/index.js";
import { fail, resolvePath, withOutput, type CommandImpl } from "../context.js";
import { modeString, strftime } from "../format.js";

interface Member {
  name: string;
  mode: number;
  size: number;
  mtime: Date;
  isDir: boolean;
  content: Uint8Array;
}

function octal(block: Buffer, start: number, length: number): number {
  const text = block.toString("latin1", start, start + length).replace(/\0.*$/s, "").trim();
  return text === "" ? 0 : parseInt(text, 8);
}

/** Reads the members of a ustar archive, gzipped or not. */
function readMembers(archive: Buffer): Member[] {
  const data = archive.length >= 2 && archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  const members: Member[] = [];
  for (let offset = 0; offset + 512 <= data.length; ) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const prefix = header.toString("latin1", 345, 500).replace(/\0.*$/s, "");
    const base = header.toString("latin1", 0, 100).replace(/\0.*$/s, "");
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 48);
    const content = data.subarray(offset + 512, offset + 512 + size);
    members.push({
      name: prefix ? `${prefix}/${base}` : base,
      mode: octal(header, 100, 8),
      size,
      mtime: new Date(octal(header, 136, 12) * 1000),
      isDir: type === "5",
      content,
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return members;
}

/**
 * GNU tar's face on the shell's tar: `--version`, the leading-slash notice on create, and the
 * verbose listing in GNU's layout with apparent sizes. Everything else is the built-in tar.
 */
export const tar: CommandImpl = async (args, ctx, on) => {
  if (args.includes("--version")) return { stdout: "tar (GNU tar) 1.34\nCopyright (C) 2021 Free Software Foundation, Inc.\n", stderr: "", exitCode: 0 };
  const original = (list: string[]) => (ctx.origCommand ? ctx.origCommand(list) : Promise.resolve(fail("tar: internal error")));
  const first = args[0] ?? "";
  const letters = first.startsWith("--") ? "" : first.replace(/^-/, "");
  const shortFlags = new Set([...letters, ...args.slice(1).filter((arg) => /^-[a-zA-Z]+$/.test(arg)).flatMap((arg) => [...arg.slice(1)])]);
  const creating = shortFlags.has("c") || args.includes("--create");
  const listing = shortFlags.has("t") || args.includes("--list");
  const verbose = shortFlags.has("v") || args.includes("--verbose");
  if (creating) {
    const result = await original(args);
    // Archives written to stdout pass through untouched: their bytes are already accounted for.
    const target = archiveOf(args, letters);
    if (target === undefined || target === "-") return result;
    const absolute = args.slice(1).some((arg) => arg.startsWith("/") && !isArchiveArg(args, arg));
    return absolute && result.exitCode === 0 ? withOutput(result, { stderr: `tar: Removing leading \`/' from member names\n${result.stderr}` }) : result;
  }
  const extracting = shortFlags.has("x") || args.includes("--extract") || args.includes("--get");
  const archiveName = archiveOf(args, letters);
  const readArchive = (): Buffer | null => {
    if (archiveName === undefined || archiveName === "-") return Buffer.from(latin1FromBytes(ctx.stdin), "latin1");
    const file = on.host.getFile(resolvePath(ctx, archiveName));
    return file ? Buffer.from(file.content) : null;
  };
  if (extracting) {
    const result = await original(args);
    if (result.exitCode !== 0 || shortFlags.has("m") || args.includes("--touch")) return result;
    // GNU tar gives extracted files the times stored in the archive.
    const archive = readArchive();
    const dirIndex = args.findIndex((arg) => arg === "-C" || arg === "--directory");
    const base = dirIndex >= 0 && args[dirIndex + 1] ? resolvePath(ctx, args[dirIndex + 1]!) : ctx.cwd;
    try {
      for (const member of archive ? readMembers(archive) : []) {
        const path = resolvePath({ ...ctx, cwd: base }, member.name.replace(/^\/+/, ""));
        if (on.host.exists(path)) on.host.setTimes(path, member.mtime);
      }
    } catch {
      // the built-in tar already reported anything wrong with the archive
    }
    return result;
  }
  if (!listing) return original(args);
  if (!verbose) {
    const result = await original(args);
    return withOutput(result, { stdout: result.stdout.replace(/^\/+/gm, "") });
  }
  const archive = readArchive();
  if (!archive) return fail(`tar: ${archiveName}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now`, 2);
  let members: Member[];
  try {
    members = readMembers(archive);
  } catch {
    return fail("tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors", 2);
  }
  const owner = `${on.user}/${on.user}`;
  const stdout = members
    .map((member) => {
      const size = String(member.isDir ? 0 : apparentSize(member.content));
      return `${modeString(member.isDir, member.mode)} ${owner} ${size.padStart(Math.max(size.length, 19 - owner.length))} ${strftime(member.mtime, "%Y-%m-%d %H:%M")} ${member.name.replace(/^\/+/, "")}\n`;
    })
    .join("");
  return { stdout, stderr: "", exitCode: 0 };
};

function archiveOf(args: string[], letters: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--file=")) return arg.slice(7);
    if (arg === "--file" || arg === "-f") return args[i + 1];
    if (/^-[a-zA-Z]*f$/.test(arg) && i > 0) return args[i + 1];
  }
  // Old-style bundled letters (`tzvf archive`): the archive is the next argument.
  return letters.includes("f") ? args[1] : undefined;
}

function isArchiveArg(args: string[], arg: string): boolean {
  const index = args.indexOf(arg);
  const previous = args[index - 1] ?? "";
  return index === 1 && /f/.test(args[0] ?? "") && !(args[0] ?? "").startsWith("--") ? true : previous === "-f" || previous === "--file" || /^-[a-zA-Z]*f$/.test(previous);
}
