import { apparentSize } from "./weights.js";
import { normalizePath, parentOf } from "./paths.js";
import type { WorldClock } from "./clock.js";

export interface WorldFile {
  content: Uint8Array;
  owner: string;
  mtime: Date;
  mode: number;
}

export interface WorldDir {
  owner: string;
  mtime: Date;
  mode: number;
}

export type HostRole = "workstation" | "server";

export interface HostInit {
  name: string;
  ip: string | null;
  role: HostRole;
  /** Owner of directories created implicitly and of files written without an owner. */
  defaultOwner: string;
}

export class HostPathError extends Error {
  constructor(
    readonly code: "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "ENOTEMPTY",
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = "HostPathError";
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? encoder.encode(content) : content;
}

export function bytesToText(content: Uint8Array): string {
  return decoder.decode(content);
}

/** True when `path` lies directly inside the directory whose paths start with `prefix` (ending in "/"). */
function isChild(path: string, prefix: string): boolean {
  return path.length > prefix.length && path.startsWith(prefix) && path.indexOf("/", prefix.length) === -1;
}

/**
 * One machine of the world: a flat map of absolute paths to files plus the set of directories.
 * Paths are POSIX and absolute; every mutation stamps times from the world clock unless a time is
 * given explicitly (as `touch -d`, `cp -p` or a transfer that keeps times do).
 */
export class Host {
  readonly name: string;
  readonly ip: string | null;
  readonly role: HostRole;
  readonly defaultOwner: string;
  readonly files = new Map<string, WorldFile>();
  readonly dirs = new Map<string, WorldDir>();

  constructor(
    init: HostInit,
    private readonly clock: WorldClock,
  ) {
    this.name = init.name;
    this.ip = init.ip;
    this.role = init.role;
    this.defaultOwner = init.defaultOwner;
    this.dirs.set("/", { owner: "root", mtime: clock.now(), mode: 0o755 });
  }

  now(): Date {
    return this.clock.now();
  }

  isFile(path: string): boolean {
    return this.files.has(normalizePath(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(normalizePath(path));
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  getFile(path: string): WorldFile | undefined {
    return this.files.get(normalizePath(path));
  }

  readFile(path: string): Uint8Array {
    const key = normalizePath(path);
    const file = this.files.get(key);
    if (!file) throw new HostPathError(this.dirs.has(key) ? "EISDIR" : "ENOENT", key);
    return file.content;
  }

  readText(path: string): string {
    return bytesToText(this.readFile(path));
  }

  sizeOf(path: string): number {
    const file = this.getFile(path);
    return file ? apparentSize(file.content) : 4096;
  }

  mkdirp(path: string, owner = this.defaultOwner, mtime?: Date): void {
    const key = normalizePath(path);
    if (this.files.has(key)) throw new HostPathError("ENOTDIR", key);
    if (this.dirs.has(key)) return;
    this.mkdirp(parentOf(key), owner, mtime);
    this.dirs.set(key, { owner, mtime: mtime ?? this.clock.now(), mode: 0o755 });
  }

  /** Creates or replaces a file. Keeps the previous owner and mode when the file existed. */
  writeFile(path: string, content: string | Uint8Array, options: { owner?: string; mtime?: Date; mode?: number } = {}): void {
    const key = normalizePath(path);
    if (this.dirs.has(key)) throw new HostPathError("EISDIR", key);
    const parent = parentOf(key);
    if (!this.dirs.has(parent)) {
      if (this.files.has(parent)) throw new HostPathError("ENOTDIR", parent);
      this.mkdirp(parent, options.owner);
    }
    const previous = this.files.get(key);
    const mtime = options.mtime ?? this.clock.now();
    this.files.set(key, {
      content: toBytes(content),
      owner: options.owner ?? previous?.owner ?? this.defaultOwner,
      mtime,
      mode: options.mode ?? previous?.mode ?? 0o644,
    });
    this.touchDir(parent);
  }

  appendFile(path: string, content: string | Uint8Array): void {
    const previous = this.getFile(path);
    const addition = toBytes(content);
    if (!previous) {
      this.writeFile(path, addition);
      return;
    }
    const joined = new Uint8Array(previous.content.length + addition.length);
    joined.set(previous.content, 0);
    joined.set(addition, previous.content.length);
    this.writeFile(path, joined);
  }

  setTimes(path: string, mtime: Date): void {
    const key = normalizePath(path);
    const file = this.files.get(key);
    if (file) {
      file.mtime = mtime;
      return;
    }
    const dir = this.dirs.get(key);
    if (!dir) throw new HostPathError("ENOENT", key);
    dir.mtime = mtime;
  }

  setMode(path: string, mode: number): void {
    const key = normalizePath(path);
    const entry = this.files.get(key) ?? this.dirs.get(key);
    if (!entry) throw new HostPathError("ENOENT", key);
    entry.mode = mode;
  }

  removeFile(path: string): void {
    const key = normalizePath(path);
    if (!this.files.delete(key)) throw new HostPathError(this.dirs.has(key) ? "EISDIR" : "ENOENT", key);
    this.touchDir(parentOf(key));
  }

  /** Removes a directory; with `recursive`, everything below it too. */
  removeDir(path: string, recursive: boolean): void {
    const key = normalizePath(path);
    if (!this.dirs.has(key)) throw new HostPathError(this.files.has(key) ? "ENOTDIR" : "ENOENT", key);
    const below = this.childrenOf(key);
    if (below.length > 0 && !recursive) throw new HostPathError("ENOTEMPTY", key);
    const prefix = key === "/" ? "/" : `${key}/`;
    for (const file of [...this.files.keys()]) if (file.startsWith(prefix)) this.files.delete(file);
    for (const dir of [...this.dirs.keys()]) if (dir.startsWith(prefix)) this.dirs.delete(dir);
    if (key !== "/") {
      this.dirs.delete(key);
      this.touchDir(parentOf(key));
    }
  }

  /** Moves a file, keeping its content, owner and time (as `mv` within one filesystem does). */
  renameFile(from: string, to: string): void {
    const source = normalizePath(from);
    const target = normalizePath(to);
    const file = this.files.get(source);
    if (!file) throw new HostPathError("ENOENT", source);
    if (this.dirs.has(target)) throw new HostPathError("EISDIR", target);
    const parent = parentOf(target);
    if (!this.dirs.has(parent)) throw new HostPathError("ENOENT", parent);
    this.files.delete(source);
    this.files.set(target, file);
    this.touchDir(parentOf(source));
    this.touchDir(parent);
  }

  /** Names directly inside a directory, sorted. */
  childrenOf(dir: string): string[] {
    const key = normalizePath(dir);
    const prefix = key === "/" ? "/" : `${key}/`;
    const names = new Set<string>();
    for (const path of this.files.keys()) {
      if (isChild(path, prefix)) names.add(path.slice(prefix.length));
    }
    for (const path of this.dirs.keys()) {
      if (path !== key && isChild(path, prefix)) names.add(path.slice(prefix.length));
    }
    return [...names].sort();
  }

  /** Absolute paths of the regular files directly inside a directory, sorted. */
  filesIn(dir: string): string[] {
    const key = normalizePath(dir);
    const prefix = key === "/" ? "/" : `${key}/`;
    return [...this.files.keys()].filter((path) => isChild(path, prefix)).sort();
  }

  private touchDir(path: string): void {
    const dir = this.dirs.get(path);
    if (dir) dir.mtime = this.clock.now();
  }
}
