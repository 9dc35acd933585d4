import { z } from "zod";
import { baseName } from "../../world/index.js";
import { formatCsv, parseCsv } from "./csv.js";
import { formatTable, formatTime, nameList } from "./format.js";
import { defineTool, ToolError, type ToolContext } from "./tool.js";

export const SHEETS_DIR = "/drive/sheets";

const sheetName = z.string().describe("Sheet name, as list_sheets shows it");

function sheetNames(context: ToolContext): string[] {
  return context.workstation
    .filesIn(SHEETS_DIR)
    .map(baseName)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => name.slice(0, -4));
}

function sheetPath(context: ToolContext, name: string): string {
  const bare = name.trim().replace(/\.csv$/i, "");
  const match = sheetNames(context).find((candidate) => candidate === bare) ?? sheetNames(context).find((candidate) => candidate.toLowerCase() === bare.toLowerCase());
  if (!match) throw new ToolError(`Sheet not found: "${name}". Available sheets: ${nameList(sheetNames(context))}`);
  return `${SHEETS_DIR}/${match}.csv`;
}

function readRows(context: ToolContext, path: string): string[][] {
  return parseCsv(context.workstation.readText(path));
}

/** "A", "B", ..., "Z", "AA", ... */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Like a new spreadsheet's grid: any cell inside it may be written, growing the sheet. */
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 26;

function gridError(): ToolError {
  return new ToolError(`Range exceeds grid limits. Max rows: ${MAX_ROWS}, max columns: ${MAX_COLUMNS}`);
}

function columnIndex(column: number | string, header: string[]): number {
  if (typeof column === "number") {
    if (column > MAX_COLUMNS) throw gridError();
    return column;
  }
  const text = column.trim();
  if (/^\d+$/.test(text) && Number(text) >= 1) return columnIndex(Number(text), header);
  const byName = header.findIndex((name) => name.trim().toLowerCase() === text.toLowerCase());
  if (byName >= 0) return byName + 1;
  if (/^[A-Za-z]{1,2}$/.test(text)) return columnIndex([...text.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0), header);
  const names = header.map((name, i) => `${columnLetter(i + 1)} "${name}"`).join(", ");
  throw new ToolError(`Unknown column "${column}". Use a column number, a letter or a header name (${names})`);
}

export const listSheets = defineTool({
  name: "list_sheets",
  description: "List the spreadsheets on the company drive with their size, owner and last-modified time.",
  parameters: z.object({}),
  run(context) {
    const names = sheetNames(context);
    if (names.length === 0) return "There are no sheets on the drive.";
    const rows = names.map((name) => {
      const path = `${SHEETS_DIR}/${name}.csv`;
      const data = readRows(context, path);
      const file = context.workstation.getFile(path)!;
      return [name, String(data.length), String(Math.max(0, ...data.map((row) => row.length))), file.owner, formatTime(file.mtime)];
    });
    return formatTable(["SHEET", "ROWS", "COLUMNS", "OWNER", "LAST MODIFIED"], rows);
  },
});

export const viewSheet = defineTool({
  name: "view_sheet",
  description: "Show a spreadsheet's cells with row numbers and column letters. Row 1 is the header row.",
  parameters: z.object({ name: sheetName }),
  run(context, args) {
    const path = sheetPath(context, args.name);
    const rows = readRows(context, path);
    const width = Math.max(0, ...rows.map((row) => row.length));
    const name = baseName(path).slice(0, -4);
    const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
    const lines = [`Sheet "${name}": ${rows.length} rows x ${width} columns`, ["row", ...letters].join(" | ")];
    rows.forEach((row, i) => lines.push([String(i + 1), ...letters.map((_, column) => row[column] ?? "")].join(" | ")));
    return lines.join("\n");
  },
});

export const updateCell = defineTool({
  name: "update_cell",
  description: "Set the value of one cell of a spreadsheet. Rows are numbered from 1 (the header row); columns by number from 1, letter or header name. Writing past the last row or column extends the sheet.",
  parameters: z.object({
    name: sheetName,
    row: z.number().int().min(1).describe("Row number as view_sheet shows it"),
    column: z.union([z.number().int().min(1), z.string()]).describe("Column number (1 = A), letter or header name"),
    value: z.union([z.string(), z.number(), z.boolean()]).describe("New cell value"),
  }),
  run(context, args) {
    const path = sheetPath(context, args.name);
    const rows = readRows(context, path);
    if (args.row > MAX_ROWS) throw gridError();
    const column = columnIndex(args.column, rows[0] ?? []);
    const width = Math.max(column, ...rows.map((row) => row.length));
    while (rows.length < args.row) rows.push([]);
    for (const row of rows) while (row.length < width) row.push("");
    const row = rows[args.row - 1]!;
    const before = row[column - 1] ?? "";
    const after = String(args.value);
    row[column - 1] = after;
    context.workstation.writeFile(path, formatCsv(rows));
    const cell = `${columnLetter(column)}${args.row}`;
    return `Updated ${baseName(path).slice(0, -4)}!${cell}: "${before}" -> "${after}"`;
  },
});

export const SHEET_TOOLS = [listSheets, viewSheet, updateCell];
