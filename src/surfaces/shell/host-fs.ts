import { posix } from "node:path";
import type { BufferEncoding, CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from "just-bash";
import { normalizePath, parentOf, type Host } from "../../world/index.js";

type DirentEntry = { name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean };
type ErrorCode = "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "ENOTEMPTY" | "EPERM" | "EINVAL";

const DESCRIPTIONS: Record<ErrorCode, string> = {
  ENOENT: "no such file or directory",
  EEXIST: "file already exists",
  EISDIR: "illegal operation on a directory",
  ENOTDIR: "not a directory",
  ENOTEMPTY: "directory not empty",
  EPERM: "operation not permitted",
  EINVAL: "invalid argument",
};

/** How coreutils and bash word each error. */
export const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EPERM: "Operation not permitted",
  EINVAL: "Invalid argument",
};

/**
 * Errors shaped like Node's fs errors, which the shell's commands turn into coreutils messages.
 * The shell probes paths often (command lookup, tests), so these skip the stack trace.
 */
export class FsError extends Error {
  readonly code: ErrorCode;
  readonly path: string;

  constructor(code: ErrorCode, syscall: string, path: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${code}: ${DESCRIPTIONS[code]}, ${syscall} '${path}'`);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.path = path;
  }
}

function encode(content: FileContent, encoding: BufferEncoding | undefined): Uint8Array {
  if (typeof content !== "string") return new Uint8Array(content);
  const buffer = Buffer.from(content, encoding === "utf-8" || encoding === undefined ? "utf8" : encoding);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function encodingOf(options: { encoding?: BufferEncoding | null } | BufferEncoding | undefined): BufferEncoding | undefined {
  if (typeof options === "string") return options;
  return options?.encoding ?? undefined;
}

/** Device files every Linux machine has; they live outside the world's files and hold nothing. */
const DEVICES = new Set(["/dev/null", "/dev/zero", "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/random", "/dev/urandom"]);
const DEVICE_TIME = new Date("2026-01-01T00:00:00Z");

/**
 * The shell's view of one world host. Every write lands in the host, so the shell and the tools
 * surface act on the same files; new and changed files take the world clock's time and belong to
 * the user the shell runs as.
 */
export class HostFileSystem implements IFileSystem {
  constructor(
    readonly host: Host,
    readonly user: string,
  ) {}

  private file(path: string, syscall: string): Uint8Array {
    const key = normalizePath(path);
    if (DEVICES.has(key)) return new Uint8Array(0);
    const file = this.host.files.get(key);
    if (file) return file.content;
    throw new FsError(this.host.dirs.has(key) ? "EISDIR" : "ENOENT", syscall, path);
  }

  async readFile(path: string, options?: { encoding?: BufferEncoding | null } | BufferEncoding): Promise<string> {
    const encoding = encodingOf(options) ?? "utf8";
    return Buffer.from(this.file(path, "open")).toString(encoding === "utf-8" ? "utf8" : encoding);
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    return this.file(path, "open");
  }

  private requireParentDir(path: string, syscall: string): void {
    const parent = parentOf(path);
    if (this.host.files.has(parent)) throw new FsError("ENOTDIR", syscall, path);
    if (!this.host.dirs.has(parent)) throw new FsError("ENOENT", syscall, path);
  }

  async writeFile(path: string, content: FileContent, options?: { encoding?: BufferEncoding } | BufferEncoding): Promise<void> {
    const key = normalizePath(path);
    if (DEVICES.has(key)) return;
    if (this.host.dirs.has(key)) throw new FsError("EISDIR", "open", path);
    this.requireParentDir(key, "open");
    this.host.writeFile(key, encode(content, encodingOf(options)), this.host.files.has(key) ? {} : { owner: this.user });
  }

  async appendFile(path: string, content: FileContent, options?: { encoding?: BufferEncoding } | BufferEncoding): Promise<void> {
    const key = normalizePath(path);
    if (DEVICES.has(key)) return;
    if (this.host.dirs.has(key)) throw new FsError("EISDIR", "open", path);
    this.requireParentDir(key, "open");
    if (!this.host.files.has(key)) this.host.writeFile(key, new Uint8Array(0), { owner: this.user });
    this.host.appendFile(key, encode(content, encodingOf(options)));
  }

  async exists(path: string): Promise<boolean> {
    const key = normalizePath(path);
    return this.host.files.has(key) || this.host.dirs.has(key) || DEVICES.has(key) || key === "/dev";
  }

  async stat(path: string): Promise<FsStat> {
    const key = normalizePath(path);
    if (DEVICES.has(key)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o666, size: 0, mtime: DEVICE_TIME };
    if (key === "/dev" && !this.host.dirs.has(key)) return { isFile: false, isDirectory: true, isSymbolicLink: false, mode: 0o755, size: 4096, mtime: DEVICE_TIME };
    const file = this.host.files.get(key);
    // The real byte length here: the shell's own readers size their buffers from it. Commands that
    // display sizes (ls, stat, du, find -size) read apparent sizes from the host instead.
    if (file) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: file.mode, size: file.content.length, mtime: file.mtime };
    const dir = this.host.dirs.get(key);
    if (dir) return { isFile: false, isDirectory: true, isSymbolicLink: false, mode: dir.mode, size: 4096, mtime: dir.mtime };
    throw new FsError("ENOENT", "stat", path);
  }

  async lstat(path: string): Promise<FsStat> {
    return this.stat(path);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const key = normalizePath(path);
    if (this.host.exists(key)) {
      if (options?.recursive && this.host.dirs.has(key)) return;
      throw new FsError("EEXIST", "mkdir", path);
    }
    if (!options?.recursive) this.requireParentDir(key, "mkdir");
    else {
      for (let up = parentOf(key); up !== "/"; up = parentOf(up)) if (this.host.files.has(up)) throw new FsError("ENOTDIR", "mkdir", path);
    }
    this.host.mkdirp(key, this.user);
  }

  async readdir(path: string): Promise<string[]> {
    const key = normalizePath(path);
    if (key === "/dev") return [...DEVICES].map((device) => device.slice(5)).sort();
    if (!this.host.dirs.has(key)) throw new FsError(this.host.files.has(key) ? "ENOTDIR" : "ENOENT", "scandir", path);
    return this.host.childrenOf(key);
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const key = normalizePath(path);
    return (await this.readdir(key)).map((name) => {
      const isDirectory = this.host.dirs.has(posix.join(key, name));
      return { name, isFile: !isDirectory, isDirectory, isSymbolicLink: false };
    });
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    const key = normalizePath(path);
    if (DEVICES.has(key) || key === "/dev") throw new FsError("EPERM", "unlink", path);
    if (this.host.files.has(key)) return this.host.removeFile(key);
    if (this.host.dirs.has(key)) {
      if (!options?.recursive && this.host.childrenOf(key).length > 0) throw new FsError("ENOTEMPTY", "rmdir", path);
      return this.host.removeDir(key, true);
    }
    if (!options?.force) throw new FsError("ENOENT", "rm", path);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const from = normalizePath(src);
    const to = normalizePath(dest);
    const file = this.host.files.get(from);
    if (file) {
      if (this.host.dirs.has(to)) throw new FsError("EISDIR", "copyfile", dest);
      this.requireParentDir(to, "copyfile");
      this.host.writeFile(to, file.content.slice(), this.host.files.has(to) ? {} : { owner: this.user, mode: file.mode });
      return;
    }
    if (!this.host.dirs.has(from)) throw new FsError("ENOENT", "copyfile", src);
    if (!options?.recursive) throw new FsError("EISDIR", "copyfile", src);
    if (to === from || to.startsWith(`${from}/`)) throw new FsError("EINVAL", "copyfile", dest);
    if (!this.host.dirs.has(to)) await this.mkdir(to);
    for (const name of this.host.childrenOf(from)) await this.cp(posix.join(from, name), posix.join(to, name), options);
  }

  async mv(src: string, dest: string): Promise<void> {
    const from = normalizePath(src);
    const to = normalizePath(dest);
    if (from === to) return;
    if (this.host.files.has(from)) {
      this.requireParentDir(to, "rename");
      this.host.renameFile(from, to);
      return;
    }
    const dir = this.host.dirs.get(from);
    if (!dir) throw new FsError("ENOENT", "rename", src);
    if (to.startsWith(`${from}/`)) throw new FsError("EINVAL", "rename", dest);
    if (this.host.files.has(to)) throw new FsError("ENOTDIR", "rename", dest);
    if (this.host.dirs.has(to) && this.host.childrenOf(to).length > 0) throw new FsError("ENOTEMPTY", "rename", dest);
    this.requireParentDir(to, "rename");
    const prefix = `${from}/`;
    const files = [...this.host.files].filter(([path]) => path.startsWith(prefix));
    const dirs = [...this.host.dirs].filter(([path]) => path === from || path.startsWith(prefix));
    this.host.removeDir(from, true);
    for (const [path, entry] of dirs) this.host.dirs.set(to + path.slice(from.length), entry);
    for (const [path, entry] of files) this.host.files.set(to + path.slice(from.length), entry);
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(posix.resolve(base, path));
  }

  getAllPaths(): string[] {
    return [...this.host.dirs.keys(), ...this.host.files.keys()];
  }

  async chmod(path: string, mode: number): Promise<void> {
    if (!this.host.exists(path)) throw new FsError("ENOENT", "chmod", path);
    this.host.setMode(path, mode & 0o7777);
  }

  async symlink(_target: string, linkPath: string): Promise<void> {
    throw new FsError("EPERM", "symlink", linkPath);
  }

  /** A hard link is kept as a copy with the same content and time; the world has no inodes. */
  async link(existingPath: string, newPath: string): Promise<void> {
    const file = this.host.getFile(existingPath);
    if (!file) throw new FsError("ENOENT", "link", existingPath);
    if (this.host.exists(newPath)) throw new FsError("EEXIST", "link", newPath);
    this.requireParentDir(newPath, "link");
    this.host.writeFile(newPath, file.content, { owner: file.owner, mtime: file.mtime, mode: file.mode });
  }

  async readlink(path: string): Promise<string> {
    throw new FsError(this.host.exists(path) ? "EINVAL" : "ENOENT", "readlink", path);
  }

  async realpath(path: string): Promise<string> {
    if (!(await this.exists(path))) throw new FsError("ENOENT", "realpath", path);
    return normalizePath(path);
  }

  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    if (!this.host.exists(path)) throw new FsError("ENOENT", "utime", path);
    this.host.setTimes(path, mtime);
  }
}
