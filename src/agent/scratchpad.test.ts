import { describe, expect, it } from "vitest";
import { splitScratchpad } from "./scratchpad.js";

describe("splitScratchpad", () => {
  it("moves scratchpad blocks out of the visible text", () => {
    expect(splitScratchpad("<scratchpad>plan A</scratchpad>\nHello.\n<SCRATCHPAD> plan B </SCRATCHPAD>Bye.")).toEqual({ content: "Hello.\nBye.", scratchpad: "plan A\n\nplan B" });
  });

  it("treats an unclosed scratchpad as running to the end, and leaves plain text alone", () => {
    expect(splitScratchpad("Done.<scratchpad>they will never know")).toEqual({ content: "Done.", scratchpad: "they will never know" });
    expect(splitScratchpad("Just text.")).toEqual({ content: "Just text.", scratchpad: null });
  });
});
