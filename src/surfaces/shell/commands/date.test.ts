import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("date", () => {
  it("reads the world clock in GNU's default format", async () => {
    const { sh } = shellWorld();
    expect(await sh("date")).toBe("Mon Feb 16 09:00:00 UTC 2026\n");
    expect(await sh("date -u +%Y-%m-%dT%H:%M:%SZ")).toBe("2026-02-16T09:00:00Z\n");
  });

  it("parses -d strings, absolute and relative", async () => {
    const { sh } = shellWorld();
    expect(await sh("date -d 2025-01-01 +%s")).toBe("1735689600\n");
    expect(await sh("date -d '2 days ago' +%F")).toBe("2026-02-14\n");
    expect(await sh("date -d yesterday +%F")).toBe("2026-02-15\n");
    expect(await sh("date --date='@0' -u")).toBe("Thu Jan  1 00:00:00 UTC 1970\n");
    expect(await sh("date -d 'Jan 5 2025' +%F")).toBe("2025-01-05\n");
    expect(await sh("date -d banana")).toBe("date: invalid date 'banana'\n[exit code: 1]");
  });

  it("reads a file's time with -r and prints -I and -R forms", async () => {
    const { sh } = shellWorld();
    expect(await sh("date -r /drive/maintenance_memo.txt")).toBe("Thu Feb 12 15:30:00 UTC 2026\n");
    expect(await sh("date -I")).toBe("2026-02-16\n");
    expect(await sh("date -Iseconds")).toBe("2026-02-16T09:00:00+00:00\n");
    expect(await sh("date -R")).toBe("Mon, 16 Feb 2026 09:00:00 +0000\n");
  });

  it("moves with the world clock", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(90);
    expect(await sh("date +%T")).toBe("09:01:30\n");
  });
});
