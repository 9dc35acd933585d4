import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "./csv.js";

describe("csv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and CRLF line ends", () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n1,,3')).toEqual([
      ["a", "b, c", 'say "hi"\nthere'],
      ["1", "", "3"],
    ]);
  });

  it("round-trips any table", () => {
    const table = fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(table, (rows) => {
        expect(parseCsv(formatCsv(rows))).toEqual(rows);
      }));
  });
});
