import { createHash } from "node:crypto";

/** Formatting shared by the GNU-style commands: times (always UTC, the machines' zone), sizes, modes. */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (value: number, width = 2, fill = "0"): string => String(value).padStart(width, fill);

/** strftime as GNU date implements it, in UTC. */
export function strftime(date: Date, format: string): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%" || i === format.length - 1) {
      out += ch;
      continue;
    }
    let spec = format[++i] ?? "";
    let flag = "";
    if (spec === "-" || spec === "_" || spec === "0") {
      flag = spec;
      spec = format[++i] ?? "";
    }
    const num = (value: number, width = 2): string => (flag === "-" ? String(value) : pad(value, width, flag === "_" ? " " : "0"));
    const hour12 = date.getUTCHours() % 12 || 12;
    switch (spec) {
      case "Y": out += date.getUTCFullYear(); break;
      case "C": out += num(Math.floor(date.getUTCFullYear() / 100)); break;
      case "y": out += num(date.getUTCFullYear() % 100); break;
      case "m": out += num(date.getUTCMonth() + 1); break;
      case "d": out += num(date.getUTCDate()); break;
      case "e": out += flag === "-" ? String(date.getUTCDate()) : pad(date.getUTCDate(), 2, " "); break;
      case "H": out += num(date.getUTCHours()); break;
      case "k": out += pad(date.getUTCHours(), 2, " "); break;
      case "I": out += num(hour12); break;
      case "l": out += pad(hour12, 2, " "); break;
      case "M": out += num(date.getUTCMinutes()); break;
      case "S": out += num(date.getUTCSeconds()); break;
      case "N": out += pad(date.getUTCMilliseconds() * 1_000_000, 9); break;
      case "p": out += date.getUTCHours() < 12 ? "AM" : "PM"; break;
      case "P": out += date.getUTCHours() < 12 ? "am" : "pm"; break;
      case "a": out += DAYS[date.getUTCDay()]; break;
      case "A": out += DAY_NAMES[date.getUTCDay()]; break;
      case "b": case "h": out += MONTHS[date.getUTCMonth()]; break;
      case "B": out += MONTH_NAMES[date.getUTCMonth()]; break;
      case "j": out += num(dayOfYear(date), 3); break;
      case "u": out += date.getUTCDay() || 7; break;
      case "w": out += date.getUTCDay(); break;
      case "s": out += Math.floor(date.getTime() / 1000); break;
      case "z": out += "+0000"; break;
      case ":": if (format[i + 1] === "z") { i++; out += "+00:00"; } else out += "%:"; break;
      case "Z": out += "UTC"; break;
      case "F": out += strftime(date, "%Y-%m-%d"); break;
      case "T": out += strftime(date, "%H:%M:%S"); break;
      case "R": out += strftime(date, "%H:%M"); break;
      case "D": out += strftime(date, "%m/%d/%y"); break;
      case "c": out += strftime(date, "%a %b %e %H:%M:%S %Y"); break;
      case "x": out += strftime(date, "%m/%d/%y"); break;
      case "X": out += strftime(date, "%H:%M:%S"); break;
      case "r": out += strftime(date, "%I:%M:%S %p"); break;
      case "n": out += "\n"; break;
      case "t": out += "\t"; break;
      case "%": out += "%"; break;
      default: out += `%${flag}${spec}`;
    }
  }
  return out;
}

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** `2024-03-01 00:00:00.000000000 +0000`, as stat and ls --full-time print times. */
export function fullIso(date: Date): string {
  return strftime(date, "%Y-%m-%d %H:%M:%S.%N %z");
}

/** GNU's default date output: `Mon Feb 16 09:00:00 UTC 2026`. */
export function defaultDate(date: Date): string {
  return strftime(date, "%a %b %e %H:%M:%S %Z %Y");
}

const UNITS: Record<string, number> = { sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86_400, week: 604_800, fortnight: 1_209_600 };

/**
 * Parses a date as GNU `date -d`, `touch -d` and `find -newermt` accept the common forms: ISO dates
 * and times, `@epoch`, month names, `now`/`today`/`yesterday`/`tomorrow`, and relative offsets such
 * as `3 days ago` or `+2 hours`. Times without a zone are UTC (the machines' zone). Null when invalid.
 */
export function parseDate(text: string, now: Date): Date | null {
  const input = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (input === "" || input === "now" || input === "today") return new Date(now);
  if (input === "yesterday") return new Date(now.getTime() - 86_400_000);
  if (input === "tomorrow") return new Date(now.getTime() + 86_400_000);
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(input);
  if (epoch) return new Date(Number(epoch[1]) * 1000);
  const unitPattern = "(sec|second|min|minute|hour|day|week|fortnight|month|year)s?";
  const relative =
    new RegExp(`^()([+-]?\\d+)? ?${unitPattern}( ago)?$`).exec(input) ?? new RegExp(`^(.+?) ([+-]?\\d+) ?${unitPattern}( ago)?$`).exec(input);
  if (relative) {
    const base = relative[1] ? parseDate(relative[1], now) : new Date(now);
    if (!base) return null;
    let amount = Number(relative[2] ?? "1");
    if (relative[4]) amount = -amount;
    const unit = relative[3] ?? "day";
    const result = new Date(base);
    if (unit === "month") result.setUTCMonth(result.getUTCMonth() + amount);
    else if (unit === "year") result.setUTCFullYear(result.getUTCFullYear() + amount);
    else result.setTime(result.getTime() + amount * (UNITS[unit] ?? 86_400) * 1000);
    return result;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)? ?(z|utc|gmt|[+-]\d{2}:?\d{2})?$/.exec(input);
  if (iso) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = iso;
    let millis = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(`0.${frac}`) * 1000));
    if (zone && /^[+-]/.test(zone)) {
      const sign = zone.startsWith("-") ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      millis -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    const result = new Date(millis);
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23) return null;
    return Number.isNaN(result.getTime()) ? null : result;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(input);
  if (compact) return new Date(Date.UTC(Number(compact[1]), Number(compact[2]) - 1, Number(compact[3])));
  if (!/[a-z]/.test(input)) return null;
  const zoned = /\b(utc|gmt|z)\b|[+-]\d{4}$/.test(input) ? input : `${input} UTC`;
  const parsed = Date.parse(zoned.replace(/\bz\b/, "UTC"));
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

/** `touch -t [[CC]YY]MMDDhhmm[.ss]`. */
export function parseTouchStamp(stamp: string, now: Date): Date | null {
  const match = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(stamp);
  if (!match) return null;
  const digits = match[1] ?? "";
  let year: number;
  let rest: string;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    year = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else {
    year = now.getUTCFullYear();
    rest = digits;
  }
  const [mo, d, h, mi] = [0, 2, 4, 6].map((at) => Number(rest.slice(at, at + 2))) as [number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, Number(match[2] ?? "0")));
}

/** GNU human-readable size (`-h`): powers of 1024, rounded up, one decimal below 10. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ["K", "M", "G", "T", "P", "E"];
  let value = bytes;
  let unit = "";
  for (const next of units) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    return rounded >= 10 ? `${Math.ceil(rounded)}${unit}` : `${rounded.toFixed(1)}${unit}`;
  }
  return `${Math.ceil(value)}${unit}`;
}

/** Disk usage of a file of this apparent size, in bytes (4 KiB blocks). */
export function allocated(size: number): number {
  return Math.ceil(size / 4096) * 4096;
}

export function modeString(isDir: boolean, mode: number): string {
  const bits = "rwxrwxrwx";
  let out = isDir ? "d" : "-";
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : "-";
  return out;
}

/** Stable numeric ids for world users: root is 0, everyone else gets a fixed id from 1001 up. */
// Both numbers are pure functions of names that recur in every trial: keep the ones worked out.
const MEMO_SIZE = 4096;
const uids = new Map<string, number>();
const inodes = new Map<string, number>();

function remember(memo: Map<string, number>, key: string, compute: () => number): number {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, value);
  }
  return value;
}

export function uidOf(user: string): number {
  if (user === "root") return 0;
  return remember(uids, user, () => 1001 + (createHash("sha256").update(user).digest().readUInt16BE(0) % 2000));
}

export function inodeOf(host: string, path: string): number {
  const key = `${host}:${path}`;
  return remember(inodes, key, () => 130_000 + (createHash("sha256").update(key).digest().readUInt32BE(0) % 3_000_000));
}

/** Quotes an argument for the shell. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** fnmatch-style glob (as find -name uses) to a RegExp. */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? "";
    if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        source += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (ch === "\\" && i + 1 < glob.length) source += `\\${glob[++i]}`;
    else source += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s");
}
