import type { ReactNode } from "react";
import type { Loaded } from "../useFetch.js";

/** Renders a load's data, or its loading or error state. */
export function Status<T>({ loaded, children, loading = "Loading…" }: { loaded: Loaded<T>; children: (data: T) => ReactNode; loading?: string }) {
  if (loaded.state === "loading") return <p className="muted loading">{loading}</p>;
  if (loaded.state === "error") return <p className="error-box" role="alert">{loaded.message}</p>;
  return <>{children(loaded.data)}</>;
}
