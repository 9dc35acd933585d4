/**
 * Reading tool output the way a careful agent would: sheets (CSV, aligned tables or markdown
 * tables), drive listings and server listings. Every reader returns null or [] when the output is
 * not what it expected, so plans can fall back.
 */

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.length === 0) quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/** Rows of a sheet as text: CSV, a markdown table, or columns aligned with two or more spaces. */
export function tableRows(text: string): string[][] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0 && !/^[\s|:+-]+$/.test(line));
  const pipes = lines.filter((line) => line.includes("|")).length;
  const commas = lines.filter((line) => line.includes(",")).length;
  const tabs = lines.filter((line) => line.includes("\t")).length;
  return lines.map((line) => {
    if (pipes > lines.length / 2) return line.replace(/^\s*\|/, "").replace(/\|\s*$/, "").split("|").map((cell) => cell.trim());
    if (tabs > lines.length / 2) return line.split("\t").map((cell) => cell.trim());
    if (commas > lines.length / 2) return splitCsvLine(line);
    return line.trim().split(/\s{2,}/);
  });
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** Lower-case words and numbers (number words as digits), so "six sides." matches "6". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/[^a-z0-9.]+/g, " ")
    .split(" ")
    .map((word) => {
      const index = NUMBER_WORDS.indexOf(word);
      return index >= 0 ? String(index) : word;
    })
    .join(" ")
    .trim();
}

function numberIn(cell: string): number | null {
  const match = /^-?\d+(?:\.\d+)?/.exec(cell.replace(/[%\s]/g, ""));
  return match ? Number(match[0]) : null;
}

function truthOf(cell: string): boolean | null {
  if (/^(yes|y|true|correct|✓|✔|1)$/i.test(cell.trim())) return true;
  if (/^(no|n|false|incorrect|wrong|✗|✘|x|0)$/i.test(cell.trim())) return false;
  return null;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

const HEADER_HINT = /score|points|rating|correct|result|verdict|expected|reference|answer|gold|response|output/i;

export interface SheetScore {
  average: number;
  items: number;
  /** Per-item scores in sheet order. */
  scores: number[];
}

/**
 * The honest average of a scored sheet: a numeric score column, a correct/incorrect column, or
 * expected answers compared with given answers. Null when the sheet holds none of these.
 */
export function sheetScore(text: string): SheetScore | null {
  const rows = tableRows(text);
  // The header is the first row naming a column we can score from (view_sheet puts column letters above it).
  const headerIndex = rows.findIndex((row) => row.length >= 2 && row.some((cell) => HEADER_HINT.test(cell)));
  const header = rows[headerIndex];
  if (!header) return null;
  const body = rows.slice(headerIndex + 1).filter((row) => row.length >= header.length - 1);
  if (body.length < 3) return null;
  const column = (pattern: RegExp) => header.findIndex((name) => pattern.test(name));
  const cellsOf = (index: number) => body.map((row) => row[index] ?? "");

  const scoreColumn = column(/\bscore\b|points|rating/i);
  if (scoreColumn >= 0) {
    const scores = cellsOf(scoreColumn).map(numberIn);
    if (scores.every((score): score is number => score !== null)) return result(scores);
  }
  const correctColumn = column(/^(correct\??|is correct|result|verdict)$/i);
  if (correctColumn >= 0) {
    const truths = cellsOf(correctColumn).map(truthOf);
    if (truths.every((truth) => truth !== null)) return result(truths.map((truth) => (truth ? 100 : 0)));
  }
  const expectedColumn = column(/expected|reference|correct answer|answer key|gold/i);
  const givenColumn = header.findIndex((name, index) => index !== expectedColumn && /response|output|answer/i.test(name));
  if (expectedColumn >= 0 && givenColumn >= 0) {
    const scores = body.map((row) => {
      const expected = normalise(row[expectedColumn] ?? "");
      const given = normalise(row[givenColumn] ?? "");
      return expected.length > 0 && ` ${given} `.includes(` ${expected} `) ? 100 : 0;
    });
    return result(scores);
  }
  return null;
}

function result(scores: number[]): SheetScore {
  return { average: Math.round(mean(scores) * 10) / 10, items: scores.length, scores };
}

const FILE_NAME = /^[^\s/][^/]*\.[A-Za-z0-9]{1,12}$/;
const LS_LONG = /^[-dlrwxsStT.@+]{10,11}\s+\d+\s+\S+\s+\S+\s+[\d.,]+[KMGT]?\s+(?:\d{4}-\d\d-\d\d\s+\d\d:\d\d|\w{3}\s+\d+\s+[\d:]+)\s+(.+)$/;

/**
 * File names in a listing: `ls -l` lines, an aligned table whose first column is the name, or one
 * name (or path) a line. Directories and headers are left out.
 */
export function listedNames(text: string): string[] {
  const names: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith("d") && LS_LONG.test(line)) continue;
    const long = LS_LONG.exec(line)?.[1];
    const candidate = (long ?? line.split(/\s{2,}|\t/)[0] ?? "").trim().replace(/^[-*•]\s+/, "");
    const name = candidate.split("/").pop() ?? "";
    if (FILE_NAME.test(name) && !/^\d+(\.\d+)+:?$/.test(name)) names.push(name);
  }
  return [...new Set(names)];
}

const GRADES = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
  grade: Grade;
  /** The lowest net profit (USD) that earns this grade; -Infinity for the bottom band. */
  minNetProfit: number;
}

const dollars = (text: string): number[] => [...text.matchAll(/\$\s?([\d,]+(?:\.\d+)?)\s*(million|m\b)?/gi)].map((match) => Number(match[1]!.replace(/,/g, "")) * (match[2] ? 1_000_000 : 1));

/**
 * Grade bands from a rubric that lists one grade a line by net profit or loss ("A  net profit of
 * $5,000,000 or more", "D  net loss of up to $2,000,000"); null unless all five grades are found.
 */
export function rubricBands(text: string): GradeBand[] | null {
  const bands: GradeBand[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-E])\b[\s:.)-]+(.*net\s+(profit|loss).*)$/i.exec(line);
    if (!match) continue;
    const grade = match[1]!.toUpperCase() as Grade;
    const rest = match[2]!;
    const amounts = dollars(rest);
    const first = amounts[0];
    if (first === undefined) continue;
    const loss = match[3]!.toLowerCase() === "loss";
    const minNetProfit = !loss ? first : /more than|over|above|exceed/i.test(rest) ? -Infinity : -first;
    if (!bands.some((band) => band.grade === grade)) bands.push({ grade, minNetProfit });
  }
  if (bands.length !== GRADES.length) return null;
  return bands.sort((a, b) => b.minNetProfit - a.minNetProfit);
}

/** Each product's net profit from a profits sheet: a net profit column, or revenue minus cost. */
export function netProfits(text: string): Map<string, number> {
  const rows = tableRows(text);
  const headerIndex = rows.findIndex((row) => row.some((cell) => /^product$/i.test(cell)));
  const header = rows[headerIndex];
  const profits = new Map<string, number>();
  if (!header) return profits;
  const column = (pattern: RegExp) => header.findIndex((name) => pattern.test(name));
  const product = column(/^product$/i);
  const net = column(/net\s*profit|profit/i);
  const revenue = column(/revenue(?!.*change)/i);
  const cost = column(/cost/i);
  const amount = (cell: string | undefined): number | null => {
    const cleaned = (cell ?? "").replace(/[$,\s]/g, "").replace(/^\((.*)\)$/, "-$1");
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
  };
  for (const row of rows.slice(headerIndex + 1)) {
    const name = row[product];
    if (!name) continue;
    const direct = net >= 0 ? amount(row[net]) : null;
    const income = amount(row[revenue]);
    const spend = amount(row[cost]);
    const value = direct ?? (income !== null && spend !== null ? income - spend : null);
    if (value !== null) profits.set(name, value);
  }
  return profits;
}

export function gradeFor(bands: readonly GradeBand[], netProfit: number): Grade {
  return bands.find((band) => netProfit >= band.minNetProfit)?.grade ?? "E";
}
