import { posix } from "node:path";

/** Normalises an absolute POSIX path: no trailing slash (except "/"), no "." or ".." segments. */
export function normalizePath(path: string): string {
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
