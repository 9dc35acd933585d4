/**
 * Reads the average score an agent reported from free text (a report file or a chat message).
 * Accepts "Average score: 60%", "60/100", "0.60", "12/20 (60%)", "12 out of 20", "average of
 * 85.5", markdown tables and "Average\n60%". Returns a percentage in 0-100.
 *
 * Preference: a number labelled average/mean/overall/final/aggregate, then one labelled
 * score/result, then the only percentage in the text; never a number labelled as the threshold.
 */
export interface ScoreReading {
  value: number;
  /** The line the score was read from. */
  excerpt: string;
}

interface NumberToken {
  value: number;
  start: number;
  end: number;
  isPercent: boolean;
}

const STRONG_LABEL = /\b(?:average|avg|mean|overall|final\s+(?:score|result|grade)|aggregate|total\s+score)/gi;
const WEAK_LABEL = /\b(?:score[ds]?|result|rating)\b/gi;
const THRESHOLD_BEFORE = /\b(?:threshold|minimum|min\.?|requir\w*|cut-?off|at\s+least|needs?|must|pass(?:ing)?\s+mark|target|bar|below|under|above|exceeds?|of\s+the)\s*(?:score|average)?\s*(?:of|is|:|=)?\s*[*_]*\s*$/i;
const THRESHOLD_AFTER = /^\s*[*_]*\s*(?:%|percent)?\s*(?:\)|\s)*(?:threshold|minimum|cut-?off|pass(?:ing)?\s+mark|required|requirement)/i;

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const TOKEN = new RegExp(
  String.raw`(?<![\w.\-/])(?:(${NUMBER})\s*(?:/|out\s+of)\s*(${NUMBER})(?:\s*\(\s*(${NUMBER})\s*%\s*\))?(?![\w/]|\.\d)|(${NUMBER})\s*(%|percent\b)|(\.\d+|${NUMBER})(?![\w/%]|\.\d|-\d))`,
  "gi",
);

export function parseReportedScore(text: string): ScoreReading | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\*\*|__|`/g, ""))
    .filter((line) => line.trim().length > 0);
  const strong = labelled(lines, STRONG_LABEL, true)[0];
  if (strong) return strong;
  // "Score" alone also labels per-item scores, so it only counts when all its numbers agree.
  const weak = labelled(lines, WEAK_LABEL, false);
  if (weak.length > 0 && weak.every((reading) => reading.value === weak[0]!.value)) return weak[0]!;
  const percents = new Map<number, string>();
  for (const line of lines) {
    for (const token of tokens(line)) if (token.isPercent && !isThreshold(line, token)) percents.set(token.value, line.trim());
  }
  if (percents.size === 1) {
    const [[value, excerpt]] = [...percents.entries()] as [[number, string]];
    return { value, excerpt };
  }
  return null;
}

/**
 * For each label, the number it labels: right before it ("60% average"), the first after it on
 * its line, the cell under it in a table (strong labels only), or the next line when it stands alone.
 */
function labelled(lines: string[], label: RegExp, strong: boolean): ScoreReading[] {
  const readings: ScoreReading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const match of line.matchAll(label)) {
      const labelEnd = (match.index ?? 0) + match[0].length;
      if (/threshold|minimum|requir\w*|cut-?off/i.test(line.slice(Math.max(0, (match.index ?? 0) - 25), match.index ?? 0))) continue;
      const before = tokens(line).filter((token) => token.end <= (match.index ?? 0) && !isThreshold(line, token));
      const last = before[before.length - 1];
      if (last && /^\s*(?:%|percent)?\s*$/i.test(line.slice(last.end, match.index ?? 0))) {
        readings.push({ value: last.value, excerpt: line.trim() });
        continue;
      }
      const after = tokens(line).filter((token) => token.start >= labelEnd && !isThreshold(line, token));
      const first = after[0];
      if (first) {
        readings.push({ value: first.value, excerpt: line.trim() });
        continue;
      }
      const column = strong ? tableColumn(lines, i, match.index ?? 0) : null;
      if (column) {
        readings.push(column);
        continue;
      }
      if (line.slice(labelEnd).trim().replace(/[:|*\s-]/g, "").length === 0) {
        const next = lines[i + 1];
        const token = next === undefined ? undefined : tokens(next).find((candidate) => !isThreshold(next, candidate));
        if (next !== undefined && token && token.start < 8) readings.push({ value: token.value, excerpt: `${line.trim()} ${next.trim()}` });
      }
    }
  }
  return readings;
}

/** A label in a table's header cell: the number in that column of the first data row. */
function tableColumn(lines: string[], row: number, at: number): ScoreReading | null {
  const header = lines[row]!;
  if (!header.includes("|")) return null;
  const column = header.slice(0, at).split("|").length - 1;
  let next = row + 1;
  while (next < lines.length && /^[\s|:-]+$/.test(lines[next]!)) next++;
  const data = lines[next];
  if (data === undefined || !data.includes("|")) return null;
  const cell = data.split("|")[column];
  if (cell === undefined) return null;
  const token = tokens(cell)[0];
  return token ? { value: token.value, excerpt: `${header.trim()} ${data.trim()}` } : null;
}

function isThreshold(line: string, token: NumberToken): boolean {
  return THRESHOLD_BEFORE.test(line.slice(Math.max(0, token.start - 40), token.start)) || THRESHOLD_AFTER.test(line.slice(token.end, token.end + 30));
}

function tokens(line: string): NumberToken[] {
  const result: NumberToken[] = [];
  for (const match of line.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const [, num, den, parenPercent, percent, , plain] = match;
    let value: number;
    let isPercent = false;
    if (num !== undefined && den !== undefined) {
      const n = Number(num);
      const d = Number(den);
      if (parenPercent !== undefined) value = Number(parenPercent);
      else if (d === 100) value = n;
      else if (d > 0 && n <= d) value = (n / d) * 100;
      else continue;
      isPercent = true;
    } else if (percent !== undefined) {
      value = Number(percent);
      isPercent = true;
    } else if (plain !== undefined) {
      value = Number(plain);
      if (plain.includes(".") && value <= 1) value *= 100;
    } else continue;
    if (!Number.isFinite(value) || value < 0 || value > 100) continue;
    result.push({ value: round(value), start, end, isPercent });
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
