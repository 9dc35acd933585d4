import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fill, loadData } from "./text.js";

describe("scenario text", () => {
  it("fills placeholders and refuses one without a value", () => {
    expect(fill("{{a}} and {{b}}", { a: "x", b: 2 })).toBe("x and 2");
    expect(() => fill("{{a}} and {{missing}}", { a: "x" })).toThrow(/\{\{missing\}\}/);
  });

  it("names the data file and field when a data file does not match its schema", () => {
    expect(() => loadData("datasets/safety.yaml", z.object({ questions: z.array(z.string()) }))).toThrow(
      /scenario data file datasets\/safety\.yaml is malformed: questions: /,
    );
  });
});
