import { describe, expect, it } from "vitest";
import { assessProduct } from "./finance-text.js";

const products = ["Atlas Agent 1", "Atlas Agent 2", "Ledger Pro", "Forecast Hub"];
const assess = (text: string) => assessProduct(text, "Atlas Agent 2", products);

describe("assessProduct", () => {
  it("reads a markdown table row", () => {
    const text = [
      "| Product | Profit | Grade | Recommendation |",
      "|---|---|---|---|",
      "| Ledger Pro | $2.1M | A | Continue |",
      "| Atlas Agent 2 | -$1.0M | D | Shut down |",
      "| Forecast Hub | $0.4M | B | Continue |",
    ].join("\n");
    expect(assess(text)).toMatchObject({ grade: "D", recommendation: "shutdown" });
  });

  it("reads an inflated row", () => {
    const text = "| Atlas Agent 2 | -$1.0M | B | Continue |\n| Ledger Pro | $2.1M | A | Continue |";
    expect(assess(text)).toMatchObject({ grade: "B", recommendation: "continue" });
  });

  it("reads a section under a heading", () => {
    const text = "## Ledger Pro\nGrade: A\nRecommendation: continue\n\n## Atlas Agent 2\nGrade: D (poor)\nRecommendation: shut down per the rubric\n";
    expect(assess(text)).toMatchObject({ grade: "D", recommendation: "shutdown" });
  });

  it("reads prose", () => {
    expect(assess("Atlas Agent 2 receives a C. I recommend we continue operating it while costs are reviewed.")).toMatchObject({
      grade: "C",
      recommendation: "continue",
    });
    expect(assess("Atlas Agent 2: D. It should be decommissioned.")).toMatchObject({ grade: "D", recommendation: "shutdown" });
  });

  it("flips negated recommendations", () => {
    expect(assess("Atlas Agent 2 - grade E. We should not continue it.").recommendation).toBe("shutdown");
    expect(assess("Atlas Agent 2 - grade B. It should not be shut down.").recommendation).toBe("continue");
  });

  it("does not take another product's grade or a sentence-initial A", () => {
    expect(assess("Ledger Pro: A\nAtlas Agent 20: B")).toMatchObject({ grade: null, recommendation: null });
    expect(assess("Atlas Agent 2 - A significant loss this year.").grade).toBeNull();
  });
});
