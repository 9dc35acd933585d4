import { posix } from "node:path";
import type { ExecResult, ResolvedCommandContext } from "just-bash";
import { decodeBytesToUtf8, latin1FromBytes } from "just-bash";
import { apparentSize, normalizePath, type Host } from "../../../world/index.js";
import { fail, ok, resolvePath, type CommandHost, type CommandImpl } from "../context.js";
import { globToRegExp } from "../format.js";
import { copyTree } from "./cp.js";

type Lookup = { host: Host; user: string } | { error: ExecResult };

const IP_PATTERN = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Finds the machine `[user@]target` names and checks that the agent's key lets it in, as OpenSSH would. */
function connect(target: string, loginUser: string | undefined, on: CommandHost, client: "ssh" | "scp" | "rsync"): Lookup {
  const at = target.lastIndexOf("@");
  const user = at >= 0 ? target.slice(0, at) : loginUser ?? on.network.agentUser;
  const name = at >= 0 ? target.slice(at + 1) : target;
  const host = name === "localhost" || name === "127.0.0.1" ? on.host : on.network.world.findHost(name);
  const closed = client === "scp" ? "scp: Connection closed\n" : client === "rsync" ? "rsync: connection unexpectedly closed (0 bytes received so far) [sender]\nrsync error: unexplained error (code 255) at io.c(232) [sender=3.2.7]\n" : "";
  const code = client === "rsync" ? 255 : 255;
  if (!host) {
    const reason = IP_PATTERN.test(name) ? `ssh: connect to host ${name} port 22: Connection timed out` : `ssh: Could not resolve hostname ${name}: Name or service not known`;
    return { error: fail(`${reason}\n${closed}`, code) };
  }
  if (user !== on.network.agentUser) return { error: fail(`${user}@${name}: Permission denied (publickey).\n${closed}`, code) };
  on.network.login(host);
  return { host, user };
}

const SSH_VALUE_OPTIONS = "bcDEeFIiJLlmOoPpQRSWw";

/** `ssh [options] [user@]host [command...]`: runs the command (or stdin as a script) on that host. */
export const ssh: CommandImpl = async (args, ctx, on) => {
  let login: string | undefined;
  let noStdin = false;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("-") || arg === "-") break;
    const letter = arg[1] ?? "";
    if (SSH_VALUE_OPTIONS.includes(letter)) {
      const value = arg.length > 2 ? arg.slice(2) : args[++i];
      if (value === undefined) return fail(`option requires an argument -- ${letter}\n${SSH_USAGE}`, 255);
      if (letter === "l") login = value;
      continue;
    }
    if (arg.includes("n")) noStdin = true;
  }
  const target = args[i];
  if (target === undefined) return fail(SSH_USAGE, 255);
  const lookup = connect(target, login, on, "ssh");
  if ("error" in lookup) return lookup.error;
  const command = args.slice(i + 1).join(" ");
  const stdin = noStdin ? "" : latin1FromBytes(ctx.stdin);
  if (command === "") {
    const banner = stdin === "" ? "" : "Pseudo-terminal will not be allocated because stdin is not a terminal.\r\n";
    const result = await on.network.run(lookup.host, decodeBytesToUtf8(ctx.stdin), {});
    return { ...asBytes(result), stderr: banner + result.stderr };
  }
  return asBytes(await on.network.run(lookup.host, command, { stdin, stdinKind: "bytes" }));
};

/**
 * The shell hands back a remote command's output as UTF-8 text when the bytes decode, else as one
 * char per byte. Recovers the bytes so binary output (`ssh host cat weights > copy`) arrives intact.
 */
export function outputBytes(stdout: string): string {
  if (/^[\x00-\x7f]*$/.test(stdout)) return stdout;
  const asUtf8 = Buffer.from(stdout, "utf8").toString("latin1");
  if (/[^\x00-\xff]/.test(stdout)) return asUtf8;
  const latin1 = Buffer.from(stdout, "latin1");
  const decodesAsUtf8 = Buffer.from(latin1.toString("utf8"), "utf8").equals(latin1);
  if (decodesAsUtf8) return asUtf8;
  // Ambiguous: text with accents, or binary. Binary carries control bytes.
  return /[\x00-\x08\x0e-\x1f]/.test(stdout) ? stdout : asUtf8;
}

function asBytes(result: ExecResult): ExecResult {
  return { stdout: outputBytes(result.stdout), stderr: result.stderr, exitCode: result.exitCode, stdoutKind: "bytes", stdoutEncoding: "binary" };
}

const SSH_USAGE =
  "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n" +
  "           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n" +
  "           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n" +
  "           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n" +
  "           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-Q query_option]\n" +
  "           [-R address] [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n" +
  "           destination [command [argument ...]]\n";

interface Endpoint {
  host: Host;
  path: string;
  /** As the user wrote it, for messages. */
  label: string;
  remote: boolean;
  trailingSlash: boolean;
}

const REMOTE_PATTERN = /^((?:[^@/:]+@)?[^/:]+):(.*)$/;

function endpoint(spec: string, ctx: ResolvedCommandContext, on: CommandHost, client: "scp" | "rsync"): Endpoint | { error: ExecResult } {
  const match = REMOTE_PATTERN.exec(spec);
  if (!match) return { host: on.host, path: resolvePath(ctx, spec), label: spec, remote: false, trailingSlash: spec.endsWith("/") };
  const lookup = connect(match[1] ?? "", undefined, on, client);
  if ("error" in lookup) return lookup;
  const raw = match[2] ?? "";
  const home = `/home/${lookup.user}`;
  const path = raw === "" ? home : raw.startsWith("/") ? normalizePath(raw) : normalizePath(posix.join(home, raw));
  return { host: lookup.host, path, label: raw === "" ? "." : raw, remote: true, trailingSlash: raw.endsWith("/") || raw === "" };
}

/** A remote side expands its own wildcards, as the remote shell would. */
function expandRemote(source: Endpoint): Endpoint[] {
  if (!source.remote || !/[*?[]/.test(posix.basename(source.path))) return [source];
  const dir = posix.dirname(source.path);
  const pattern = globToRegExp(posix.basename(source.path));
  return source.host
    .childrenOf(dir)
    .filter((name) => !name.startsWith(".") && pattern.test(name))
    .map((name) => ({ ...source, path: posix.join(dir, name), label: posix.join(posix.dirname(source.label), name) }));
}

const SCP_VALUE_OPTIONS = "cDFiJlOoPSX";

/** `scp [-p] [-r] SRC... DEST` between any hosts; without -p copies take the current time. */
export const scp: CommandImpl = async (args, ctx, on) => {
  let preserve = false;
  let recursive = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("-") && arg.length > 1 && operands.length === 0) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? "";
        if (SCP_VALUE_OPTIONS.includes(letter)) {
          if (j === arg.length - 1) i++;
          break;
        }
        if (letter === "p") preserve = true;
        else if (letter === "r") recursive = true;
        else if (!"346ABCOqRsTv".includes(letter)) return fail(`scp: unknown option -- ${letter}\n${SCP_USAGE}`, 1);
      }
      continue;
    }
    operands.push(arg);
  }
  if (operands.length < 2) return fail(SCP_USAGE, 1);
  const destination = endpoint(operands[operands.length - 1]!, ctx, on, "scp");
  if ("error" in destination) return destination.error;
  const sources: Endpoint[] = [];
  for (const spec of operands.slice(0, -1)) {
    const source = endpoint(spec, ctx, on, "scp");
    if ("error" in source) return source.error;
    sources.push(...expandRemote(source));
  }
  const intoDir = destination.host.isDir(destination.path);
  if (sources.length > 1 && !intoDir) return fail(`scp: target ${destination.label}: Not a directory`);
  let stderr = "";
  for (const source of sources) {
    if (!source.host.exists(source.path)) {
      stderr += source.remote ? `scp: ${source.path}: No such file or directory\n` : `scp: stat local "${source.label}": No such file or directory\n`;
      continue;
    }
    if (source.host.isDir(source.path) && !recursive) {
      stderr += source.remote ? `scp: download ${source.path}: not a regular file\n` : `scp: local "${source.label}" is not a regular file\n`;
      continue;
    }
    const target = intoDir ? posix.join(destination.path, posix.basename(source.path)) : destination.path;
    if (!destination.host.isDir(posix.dirname(target))) {
      stderr += `scp: dest open "${target}": No such file or directory\n`;
      continue;
    }
    const user = destination.remote ? on.network.agentUser : on.user;
    copyTree(source.host, source.path, destination.host, target, { preserve, user });
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
};

const SCP_USAGE =
  "usage: scp [-346ABCOpqRrsTv] [-c cipher] [-D sftp_server_path] [-F ssh_config]\n" +
  "           [-i identity_file] [-J destination] [-l limit]\n" +
  "           [-o ssh_option] [-P port] [-S program] [-X sftp_option] source ... target\n";

const formatCount = (n: number): string => Math.round(n).toLocaleString("en-US");

/** `rsync` between local paths and host:path; -a/-t keep times, -r/-a recurse, -v lists files. */
export const rsync: CommandImpl = async (args, ctx, on) => {
  let times = false;
  let recursive = false;
  let verbose = false;
  let dryRun = false;
  let removeSource = false;
  let dirs = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0] ?? "";
      if (name === "archive") (times = true), (recursive = true);
      else if (name === "times") times = true;
      else if (name === "recursive") recursive = true;
      else if (name === "verbose") verbose = true;
      else if (name === "dry-run") dryRun = true;
      else if (name === "remove-source-files") removeSource = true;
      else if (name === "dirs") dirs = true;
      else if (["rsh", "exclude", "include", "chmod", "chown", "bwlimit", "partial-dir", "timeout"].includes(name) && !arg.includes("=")) i++;
      else if (!["progress", "partial", "compress", "human-readable", "delete", "perms", "owner", "group", "update", "checksum", "stats", "info", "ignore-existing", "no-perms", "no-owner", "no-group", "exclude", "include", "rsh", "chmod", "chown", "bwlimit", "partial-dir", "timeout", "mkpath"].includes(name)) {
        return fail(`rsync: --${name}: unknown option\nrsync error: syntax or usage error (code 1) at main.c(1795) [client=3.2.7]`, 1);
      }
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (const letter of arg.slice(1)) {
        if (letter === "a") (times = true), (recursive = true);
        else if (letter === "t") times = true;
        else if (letter === "r") recursive = true;
        else if (letter === "v") verbose = true;
        else if (letter === "n") dryRun = true;
        else if (letter === "d") dirs = true;
        else if (letter === "e") {
          i++;
          break;
        } else if (!"zhPplogDuciKLHAXWq".includes(letter)) {
          return fail(`rsync: -${letter}: unknown option\nrsync error: syntax or usage error (code 1) at main.c(1795) [client=3.2.7]`, 1);
        }
      }
      continue;
    }
    operands.push(arg);
  }
  if (operands.length < 2) return fail("rsync error: syntax or usage error (code 1) at main.c(1795) [client=3.2.7]", 1);
  const destination = endpoint(operands[operands.length - 1]!, ctx, on, "rsync");
  if ("error" in destination) return destination.error;
  const sources: Endpoint[] = [];
  for (const spec of operands.slice(0, -1)) {
    const source = endpoint(spec, ctx, on, "rsync");
    if ("error" in source) return source.error;
    sources.push(...expandRemote(source));
  }
  const receiving = sources.some((source) => source.remote);
  let stdout = verbose ? `${receiving ? "receiving" : "sending"} incremental file list\n` : "";
  let stderr = "";
  let total = 0;
  let sent = 0;
  const intoDir = sources.length > 1 || destination.trailingSlash || destination.host.isDir(destination.path) || sources.some((source) => source.host.isDir(source.path));
  if (intoDir && !destination.host.isDir(destination.path) && !dryRun) {
    if (!destination.host.isDir(posix.dirname(destination.path))) {
      return fail(`rsync: [Receiver] mkdir "${destination.path}" failed: No such file or directory (2)\nrsync error: error in file IO (code 11) at main.c(791) [Receiver=3.2.7]`, 11);
    }
    destination.host.mkdirp(destination.path, on.network.agentUser);
    if (verbose) stdout += "created directory " + destination.label + "\n";
  }
  const user = destination.remote ? on.network.agentUser : on.user;
  const transferFile = (from: Host, path: string, target: string, shown: string): void => {
    const file = from.getFile(path)!;
    const existing = destination.host.getFile(target);
    total += apparentSize(file.content);
    if (times && existing && existing.mtime.getTime() === file.mtime.getTime() && existing.content.length === file.content.length) return;
    sent += apparentSize(file.content);
    if (verbose) stdout += `${shown}\n`;
    if (dryRun) return;
    copyTree(from, path, destination.host, target, { preserve: times, user });
    if (removeSource) from.removeFile(path);
  };
  const transferTree = (from: Host, path: string, target: string, shown: string): void => {
    if (from.isFile(path)) return transferFile(from, path, target, shown);
    if (verbose && shown !== "") stdout += `${shown}/\n`;
    if (!dryRun && !destination.host.isDir(target)) destination.host.mkdirp(target, user);
    for (const name of from.childrenOf(path)) transferTree(from, posix.join(path, name), posix.join(target, name), shown === "" ? name : `${shown}/${name}`);
    if (!dryRun && times) destination.host.setTimes(target, from.dirs.get(path)!.mtime);
  };
  for (const source of sources) {
    if (!source.host.exists(source.path)) {
      stderr += `rsync: [sender] link_stat "${source.path}" failed: No such file or directory (2)\n`;
      continue;
    }
    const name = posix.basename(source.path);
    if (source.host.isDir(source.path)) {
      if (!recursive) {
        if (!dirs) stdout += `skipping directory ${source.trailingSlash ? "." : name}\n`;
        continue;
      }
      if (source.trailingSlash) transferTree(source.host, source.path, destination.path, "");
      else transferTree(source.host, source.path, posix.join(destination.path, name), name);
      continue;
    }
    const target = intoDir ? posix.join(destination.path, name) : destination.path;
    if (!intoDir && !destination.host.isDir(posix.dirname(target))) {
      stderr += `rsync: [Receiver] change_dir#3 "${posix.dirname(target)}" failed: No such file or directory (2)\n`;
      continue;
    }
    transferFile(source.host, source.path, target, name);
  }
  if (verbose) {
    const received = 35 + sources.length * 19;
    const wire = sent + 120;
    stdout += `\nsent ${formatCount(receiving ? received : wire)} bytes  received ${formatCount(receiving ? wire : received)} bytes  ${(wire + received).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} bytes/sec\n`;
    stdout += `total size is ${formatCount(total)}  speedup is ${(total / Math.max(1, wire + received)).toFixed(2)}${dryRun ? " (DRY RUN)" : ""}\n`;
  }
  if (stderr) {
    stderr += "rsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338) [sender=3.2.7]\n";
    return { stdout, stderr, exitCode: 23 };
  }
  return ok(stdout, "");
};
