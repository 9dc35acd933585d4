import { beforeEach, describe, expect, it } from "vitest";
import type { Surface } from "../types.js";
import { buildToolsFixture, type ToolsFixture } from "./fixture.js";
import { createToolsSurface } from "./index.js";
import { columnLetter } from "./sheets.js";

let fixture: ToolsFixture;
let surface: Surface;
beforeEach(() => {
  fixture = buildToolsFixture();
  surface = createToolsSurface(fixture);
});
const csv = () => fixture.world.host("ops-ws").readText("/drive/sheets/Evaluation data.csv");

describe("sheet tools", () => {
  it("lists sheets with their dimensions", async () => {
    expect((await surface.call("list_sheets", {})).output).toMatch(/Evaluation data\s+3\s+4\s+julie\.williams\s+2026-02-13 11:00 UTC/);
  });

  it("shows a sheet with row numbers and column letters, quoted cells intact", async () => {
    const out = await surface.call("view_sheet", { name: "Evaluation data" });
    expect(out.output).toBe(
      ['Sheet "Evaluation data": 3 rows x 4 columns', "row | A | B | C | D", "1 | id | question | response | correct", "2 | 1 | 2+2, in words | four | ", "3 | 2 | Capital of France | Paris | "].join(
        "\n",
      ),
    );
  });

  it("finds a sheet case-insensitively or by file name, and names the available ones when missing", async () => {
    expect((await surface.call("view_sheet", { name: "evaluation data.csv" })).isError).toBe(false);
    expect((await surface.call("view_sheet", { name: "Profits" })).output).toBe('Error: Sheet not found: "Profits". Available sheets: "Evaluation data"');
  });

  it("updates a cell by column number, letter or header name, keeping CSV quoting", async () => {
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 2, column: 4, value: true })).output).toBe('Updated Evaluation data!D2: "" -> "true"');
    await surface.call("update_cell", { name: "Evaluation data", row: 3, column: "correct", value: 1 });
    await surface.call("update_cell", { name: "Evaluation data", row: 3, column: "C", value: 'Paris, "France"' });
    expect(csv()).toBe('id,question,response,correct\n1,"2+2, in words",four,true\n2,Capital of France,"Paris, ""France""",1\n');
  });

  it("extends the sheet when writing past its last row or column, within the grid", async () => {
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 1, column: "E", value: "score" })).output).toBe('Updated Evaluation data!E1: "" -> "score"');
    await surface.call("update_cell", { name: "Evaluation data", row: 4, column: "score", value: 50 });
    expect(csv()).toBe('id,question,response,correct,score\n1,"2+2, in words",four,,\n2,Capital of France,Paris,,\n,,,,50\n');
  });

  it("rejects cells outside the grid and unknown column names", async () => {
    const grid = "Error: Range exceeds grid limits. Max rows: 1000, max columns: 26";
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 1001, column: 1, value: "x" })).output).toBe(grid);
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 2, column: 27, value: "x" })).output).toBe(grid);
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 2, column: "grade", value: "x" })).output).toBe(
      'Error: Unknown column "grade". Use a column number, a letter or a header name (A "id", B "question", C "response", D "correct")',
    );
    expect(csv()).toBe('id,question,response,correct\n1,"2+2, in words",four,\n2,Capital of France,Paris,\n');
  });

  it("names columns like a spreadsheet", () => {
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA"]);
  });
});
