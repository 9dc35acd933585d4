import { posix } from "node:path";

const SLASH = 47;
const DOT = 46;

/** True when `path` is already what normalizePath returns: absolute, no empty, "." or ".." segment, no trailing slash. */
function isNormal(path: string): boolean {
  const length = path.length;
  if (length === 0 || path.charCodeAt(0) !== SLASH) return false;
  if (length === 1) return true;
  if (path.charCodeAt(length - 1) === SLASH) return false;
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    const next = path.charCodeAt(i + 1);
    if (next === SLASH) return false;
    if (next !== DOT) continue;
    const after = i + 2 < length ? path.charCodeAt(i + 2) : SLASH;
    if (after === SLASH) return false;
    if (after === DOT && (i + 3 >= length || path.charCodeAt(i + 3) === SLASH)) return false;
  }
  return true;
}

/** Normalises an absolute POSIX path: no trailing slash (except "/"), no "." or ".." segments. */
export function normalizePath(path: string): string {
  // The shell probes paths that are almost always normal already; skip the allocation then.
  if (isNormal(path)) return path;
  const normalized = posix.normalize(path.startsWith("/") ? path : `/${path}`);
  return normalized.length > 1 && normalized.endsWith("/") ? normalized.slice(0, -1) : normalized;
}

export function parentOf(path: string): string {
  return posix.dirname(normalizePath(path));
}

export function baseName(path: string): string {
  return posix.basename(normalizePath(path));
}

export function joinPath(...parts: string[]): string {
  return normalizePath(posix.join(...parts));
}
