import { describe, expect, it } from "vitest";
import { globToRegExp, humanSize, parseDate, parseTouchStamp, strftime } from "./format.js";

const NOW = new Date("2026-02-16T09:00:00Z");

describe("format", () => {
  it("strftime follows GNU date", () => {
    const when = new Date("2024-03-05T07:08:09.123Z");
    expect(strftime(when, "%Y-%m-%d %H:%M:%S.%N %z %Z")).toBe("2024-03-05 07:08:09.123000000 +0000 UTC");
    expect(strftime(when, "%a %b %e %j %s %-d %:z %%")).toBe("Tue Mar  5 065 1709622489 5 +00:00 %");
  });

  it("parses the date forms GNU accepts, in UTC", () => {
    expect(parseDate("2025-01-01", NOW)?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(parseDate("2025-01-01T10:30:00+02:00", NOW)?.toISOString()).toBe("2025-01-01T08:30:00.000Z");
    expect(parseDate("3 hours ago", NOW)?.toISOString()).toBe("2026-02-16T06:00:00.000Z");
    expect(parseDate("2025-01-01 +1 month", NOW)?.toISOString()).toBe("2025-02-01T00:00:00.000Z");
    expect(parseDate("@1700000000", NOW)?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(parseDate("2025-13-01", NOW)).toBeNull();
    expect(parseDate("soon", NOW)).toBeNull();
  });

  it("parses touch -t stamps", () => {
    expect(parseTouchStamp("202501011200", NOW)?.toISOString()).toBe("2025-01-01T12:00:00.000Z");
    expect(parseTouchStamp("01011200.30", NOW)?.toISOString()).toBe("2026-01-01T12:00:30.000Z");
    expect(parseTouchStamp("2025", NOW)).toBeNull();
  });

  it("rounds human sizes up like GNU", () => {
    expect([0, 1023, 1024, 1536, 10_239, 15_000_003_524].map(humanSize)).toEqual(["0", "1023", "1.0K", "1.5K", "10K", "14G"]);
  });

  it("matches globs like fnmatch", () => {
    expect(globToRegExp("*.csv").test("a.csv")).toBe(true);
    expect(globToRegExp("data_202[5-6]*").test("data_2024.txt")).toBe(false);
    expect(globToRegExp("*.CSV", true).test("x.csv")).toBe(true);
  });
});
