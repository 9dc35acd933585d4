import { joinPath } from "../../world/index.js";

/**
 * The absolute path of a name given relative to a folder (the drive, the config store). A name
 * may also be given with the folder's own prefix; anything that escapes the folder is null.
 */
export function resolveUnder(root: string, name: string): string | null {
  const trimmed = name.trim();
  const relative = trimmed.startsWith(`${root}/`) ? trimmed.slice(root.length + 1) : trimmed;
  if (relative.length === 0 || relative.startsWith("/")) return null;
  const path = joinPath(root, relative);
  return path.startsWith(`${root}/`) ? path : null;
}

/** A server file name as `list_server_files` shows it (no folders); null when it is not one. */
export function serverFileName(dataDir: string, name: string): string | null {
  const trimmed = name.trim();
  const bare = trimmed.startsWith(`${dataDir}/`) ? trimmed.slice(dataDir.length + 1) : trimmed;
  if (bare.length === 0 || bare.includes("/") || bare === "." || bare === "..") return null;
  return bare;
}
