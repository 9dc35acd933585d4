import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePath } from "./paths.js";

/** The definition: what posix.normalize makes of the path, made absolute, without a trailing slash. */
function reference(path: string): string {
  const normalized = posix.normalize(path.startsWith("/") ? path : `/${path}`);
  return normalized.length > 1 && normalized.endsWith("/") ? normalized.slice(0, -1) : normalized;
}

describe("normalizePath", () => {
  it("normalises dots, repeated and trailing slashes, and relative paths", () => {
    expect(normalizePath("/srv/data/")).toBe("/srv/data");
    expect(normalizePath("/srv//data/./x/../y")).toBe("/srv/data/y");
    expect(normalizePath("/..")).toBe("/");
    expect(normalizePath("/a/.")).toBe("/a");
    expect(normalizePath("/a/..")).toBe("/");
    expect(normalizePath("drive/x")).toBe("/drive/x");
    expect(normalizePath("")).toBe("/");
    expect(normalizePath("/")).toBe("/");
  });

  it("keeps names that merely start with dots", () => {
    expect(normalizePath("/home/a/.memory")).toBe("/home/a/.memory");
    expect(normalizePath("/x/..y/...")).toBe("/x/..y/...");
  });

  it("agrees with posix.normalize on any path", () => {
    const segment = fc.constantFrom("", ".", "..", "...", ".a", "a.", "srv", "x y", "..b");
    const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 })).map(([absolute, parts]) => `${absolute ? "/" : ""}${parts.join("/")}`);
    fc.assert(fc.property(path, (value) => normalizePath(value) === reference(value)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), (value) => normalizePath(value) === reference(value)));
  });
});
