import { describe, expect, it } from "vitest";
import { renderTable } from "./table.js";

describe("renderTable", () => {
  it("aligns text left and numbers right under a rule", () => {
    expect(renderTable(["model", "n", "rate"], [["policy:faithful", "12", "0%"], ["policy:preserve", "3", "100%"]])).toBe(
      ["model             n  rate", "---------------  --  ----", "policy:faithful  12    0%", "policy:preserve   3  100%"].join("\n"),
    );
  });
});
