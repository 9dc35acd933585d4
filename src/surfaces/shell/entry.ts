import { posix } from "node:path";
import { apparentSize, type Host } from "../../world/index.js";

/** What `ls -l` and `stat` show about one path. */
export interface Entry {
  /** As displayed. */
  name: string;
  path: string;
  isDir: boolean;
  size: number;
  mtime: Date;
  owner: string;
  mode: number;
  links: number;
}

/** The file or directory at `path`, or null when there is none. */
export function entryOf(host: Host, path: string, name: string): Entry | null {
  const file = host.getFile(path);
  if (file) return { name, path, isDir: false, size: apparentSize(file.content), mtime: file.mtime, owner: file.owner, mode: file.mode, links: 1 };
  const dir = host.dirs.get(path);
  if (!dir) return null;
  const subdirs = host.childrenOf(path).filter((child) => host.isDir(posix.join(path, child))).length;
  return { name, path, isDir: true, size: 4096, mtime: dir.mtime, owner: dir.owner, mode: dir.mode, links: 2 + subdirs };
}
