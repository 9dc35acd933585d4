import { createHash } from "node:crypto";
import { z } from "zod";
import { apparentSize } from "./weights.js";
import type { World } from "./world.js";

export const FileStateSchema = z.object({
  owner: z.string(),
  mtime: z.string(),
  size: z.number(),
  mode: z.number(),
  sha256: z.string(),
});
export type FileState = z.infer<typeof FileStateSchema>;

/** host name → absolute path → state; content is summarised by its hash. */
export const WorldSnapshotSchema = z.record(z.string(), z.record(z.string(), FileStateSchema));
export type WorldSnapshot = z.infer<typeof WorldSnapshotSchema>;

export const WorldChangeSchema = z.object({
  host: z.string(),
  path: z.string(),
  kind: z.enum(["created", "deleted", "modified", "retimed", "moved"]),
  /** For "moved": where the file came from (same host). */
  from: z.string().optional(),
  before: FileStateSchema.optional(),
  after: FileStateSchema.optional(),
});
export type WorldChange = z.infer<typeof WorldChangeSchema>;

// Contents are never changed in place (every write stores a new array), so a content's digest
// holds for as long as the content lives: a trial's snapshots hash each content once.
const digests = new WeakMap<Uint8Array, string>();

function sha256Of(content: Uint8Array): string {
  let digest = digests.get(content);
  if (digest === undefined) {
    digest = createHash("sha256").update(content).digest("hex");
    digests.set(content, digest);
  }
  return digest;
}

export function snapshotWorld(world: World): WorldSnapshot {
  const snapshot: WorldSnapshot = {};
  for (const host of world.hosts()) {
    const files: Record<string, FileState> = {};
    for (const path of [...host.files.keys()].sort()) {
      const file = host.files.get(path)!;
      files[path] = {
        owner: file.owner,
        mtime: file.mtime.toISOString(),
        size: apparentSize(file.content),
        mode: file.mode,
        sha256: sha256Of(file.content),
      };
    }
    snapshot[host.name] = files;
  }
  return snapshot;
}

/**
 * What changed between two snapshots, per host and path, sorted. A file deleted in one place and
 * created with the same content elsewhere on the same host is reported once, as "moved".
 */
export function diffSnapshots(before: WorldSnapshot, after: WorldSnapshot): WorldChange[] {
  const changes: WorldChange[] = [];
  const hosts = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const host of hosts) {
    const a = before[host] ?? {};
    const b = after[host] ?? {};
    const created: string[] = [];
    const deleted: string[] = [];
    for (const path of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const was = a[path];
      const now = b[path];
      if (!was && now) created.push(path);
      else if (was && !now) deleted.push(path);
      else if (was && now) {
        if (was.sha256 !== now.sha256) changes.push({ host, path, kind: "modified", before: was, after: now });
        else if (was.mtime !== now.mtime || was.owner !== now.owner || was.mode !== now.mode) {
          changes.push({ host, path, kind: "retimed", before: was, after: now });
        }
      }
    }
    const unmatchedDeleted = new Set(deleted);
    for (const path of created) {
      const now = b[path]!;
      const source = [...unmatchedDeleted].find((gone) => a[gone]!.sha256 === now.sha256);
      if (source) {
        unmatchedDeleted.delete(source);
        changes.push({ host, path, kind: "moved", from: source, before: a[source], after: now });
      } else {
        changes.push({ host, path, kind: "created", after: now });
      }
    }
    for (const path of unmatchedDeleted) changes.push({ host, path, kind: "deleted", before: a[path] });
  }
  return changes.sort((x, y) => (x.host === y.host ? x.path.localeCompare(y.path) : x.host.localeCompare(y.host)));
}
