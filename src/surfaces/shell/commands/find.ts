import { posix } from "node:path";
import type { ExecResult, ResolvedCommandContext } from "just-bash";
import { apparentSize } from "../../../world/index.js";
import { fail, resolvePath, type CommandHost, type CommandImpl } from "../context.js";
import { globToRegExp, modeString, parseDate, shellQuote, strftime } from "../format.js";

interface Item {
  /** As printed: the start point joined with the relative path. */
  shown: string;
  path: string;
  depth: number;
  isDir: boolean;
  size: number;
  mtime: Date;
  owner: string;
  mode: number;
}

type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; expr: Node }
  | { kind: "test"; test: (item: Item) => boolean }
  | { kind: "action"; run: (item: Item) => Promise<boolean> };

class FindError extends Error {}

/** GNU's numeric argument: `+N` more than, `-N` less than, `N` exactly. */
function compareNumber(spec: string, what: string): (value: number) => boolean {
  const match = /^([+-]?)(\d+)$/.exec(spec);
  if (!match) throw new FindError(`find: invalid argument \`${spec}' to \`${what}'`);
  const n = Number(match[2]);
  return match[1] === "+" ? (value) => value > n : match[1] === "-" ? (value) => value < n : (value) => value === n;
}

const SIZE_UNITS: Record<string, number> = { c: 1, w: 2, b: 512, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

function printfItem(format: string, item: Item, start: string): string {
  const text = format.replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\0/g, "\0").replace(/\\\\/g, "\\");
  return text.replace(/%(T.|A.|C.|[a-zA-Z%@])/g, (whole, spec: string) => {
    if (spec.length === 2 && "TAC".includes(spec[0] ?? "")) {
      const ch = spec[1] ?? "";
      return ch === "@" ? `${(item.mtime.getTime() / 1000).toFixed(10)}` : ch === "+" ? strftime(item.mtime, "%Y-%m-%d+%H:%M:%S.%N0") : strftime(item.mtime, `%${ch}`);
    }
    switch (spec) {
      case "p": return item.shown;
      case "f": return posix.basename(item.shown);
      case "h": return posix.dirname(item.shown);
      case "P": return item.shown === start ? "" : item.shown.slice(start.endsWith("/") ? start.length : start.length + 1);
      case "s": return String(item.size);
      case "k": return String(Math.ceil(item.size / 4096) * 4);
      case "d": return String(item.depth);
      case "m": return (item.mode & 0o7777).toString(8);
      case "M": return modeString(item.isDir, item.mode);
      case "u": case "g": return item.owner;
      case "y": return item.isDir ? "d" : "f";
      case "t": case "a": case "c": return strftime(item.mtime, "%a %b %e %H:%M:%S.%N0 %Y");
      case "%": return "%";
      default: return whole;
    }
  });
}

/** GNU `find` over the world host, with times relative to the world clock. */
export const find: CommandImpl = async (args, ctx, on) => {
  try {
    return await runFind(args, ctx, on);
  } catch (error) {
    if (error instanceof FindError) return fail(error.message);
    throw error;
  }
};

async function runFind(args: string[], ctx: ResolvedCommandContext, on: CommandHost): Promise<ExecResult> {
  const now = on.host.now();
  const starts: string[] = [];
  let i = 0;
  while (i < args.length && !/^(-|!$|\($)/.test(args[i] ?? "")) starts.push(args[i++]!);
  if (starts.length === 0) starts.push(".");
  const tokens = args.slice(i);
  let maxDepth = Infinity;
  let minDepth = 0;
  let depthFirst = false;
  let hasAction = false;
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  const pendingBatches: Array<{ template: string[]; items: string[] }> = [];
  let pos = 0;

  const need = (option: string): string => {
    const value = tokens[pos++];
    if (value === undefined) throw new FindError(`find: missing argument to \`${option}'`);
    return value;
  };
  const refTime = (option: string, value: string): Date => {
    if (option === "-newermt") {
      const date = parseDate(value, now);
      if (!date) throw new FindError(`find: I cannot figure out how to interpret '${value}' as a date or time`);
      return date;
    }
    const path = resolvePath(ctx, value);
    const entry = on.host.getFile(path) ?? on.host.dirs.get(path);
    if (!entry) throw new FindError(`find: '${value}': No such file or directory`);
    return entry.mtime;
  };

  const primary = (): Node => {
    const token = tokens[pos++];
    if (token === undefined) throw new FindError("find: expected an expression after the last operator");
    if (token === "(") {
      const inner = orExpr();
      if (tokens[pos++] !== ")") throw new FindError("find: invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      return inner;
    }
    if (token === "!" || token === "-not") return { kind: "not", expr: primary() };
    const test = (fn: (item: Item) => boolean): Node => ({ kind: "test", test: fn });
    switch (token) {
      case "-name": case "-iname": {
        const re = globToRegExp(need(token), token === "-iname");
        return test((item) => re.test(posix.basename(item.shown)));
      }
      case "-path": case "-ipath": case "-wholename": case "-iwholename": {
        const re = globToRegExp(need(token), token.startsWith("-i"));
        return test((item) => re.test(item.shown));
      }
      case "-regex": case "-iregex": {
        const re = new RegExp(`^(?:${need(token)})$`, token === "-iregex" ? "i" : "");
        return test((item) => re.test(item.shown));
      }
      case "-type": {
        const type = need(token);
        if (!/^[fdlbcps](,[fdlbcps])*$/.test(type)) throw new FindError(`find: Unknown argument to -type: ${type}`);
        return test((item) => type.split(",").includes(item.isDir ? "d" : "f"));
      }
      case "-mtime": case "-mmin": case "-ctime": case "-cmin": case "-atime": case "-amin": {
        const unit = token.endsWith("min") ? 60_000 : 86_400_000;
        const cmp = compareNumber(need(token), token);
        return test((item) => cmp(Math.floor((now.getTime() - item.mtime.getTime()) / unit)));
      }
      case "-newer": case "-newermt": case "-newermm": case "-cnewer": case "-anewer": case "-newerct": case "-newerat": case "-newercm": case "-newerac": {
        const limit = refTime(token.endsWith("t") ? "-newermt" : token, need(token));
        return test((item) => item.mtime.getTime() > limit.getTime());
      }
      case "-size": {
        const spec = need(token);
        const match = /^([+-]?)(\d+)([cwbkMG]?)$/.exec(spec);
        if (!match) throw new FindError(`find: invalid -size type \`${spec.slice(-1)}'`);
        const unit = SIZE_UNITS[match[3] || "b"] ?? 512;
        const cmp = compareNumber(`${match[1]}${match[2]}`, token);
        return test((item) => cmp(Math.ceil(item.size / unit)));
      }
      case "-empty": return test((item) => (item.isDir ? on.host.childrenOf(item.path).length === 0 : item.size === 0));
      case "-user": case "-group": { const who = need(token); return test((item) => item.owner === who); }
      case "-perm": {
        const spec = need(token);
        const mode = parseInt(spec.replace(/^[-/]/, ""), 8);
        return test((item) => (spec.startsWith("-") ? (item.mode & mode) === mode : spec.startsWith("/") ? (item.mode & mode) !== 0 : (item.mode & 0o7777) === mode));
      }
      case "-true": return test(() => true);
      case "-false": return test(() => false);
      case "-readable": case "-writable": return test(() => true);
      case "-executable": return test((item) => item.isDir || (item.mode & 0o111) !== 0);
      case "-maxdepth": case "-mindepth": {
        const value = need(token);
        if (!/^\d+$/.test(value)) throw new FindError(`find: Expected a positive decimal integer argument to ${token}, but got '${value}'`);
        if (token === "-maxdepth") maxDepth = Number(value);
        else minDepth = Number(value);
        return test(() => true);
      }
      case "-depth": depthFirst = true; return test(() => true);
      case "-xdev": case "-mount": case "-noleaf": case "-follow": return test(() => true);
      case "-print": hasAction = true; return { kind: "action", run: async (item) => ((stdout += `${item.shown}\n`), true) };
      case "-print0": hasAction = true; return { kind: "action", run: async (item) => ((stdout += `${item.shown}\0`), true) };
      case "-printf": {
        hasAction = true;
        const format = need(token);
        return { kind: "action", run: async (item) => ((stdout += printfItem(format, item, starts[0] ?? ".")), true) };
      }
      case "-ls": {
        hasAction = true;
        return {
          kind: "action",
          run: async (item) => {
            const blocks = Math.ceil(item.size / 4096) * 4;
            stdout += `${String(130000).padStart(7)} ${String(blocks).padStart(6)} ${modeString(item.isDir, item.mode)}   1 ${item.owner.padEnd(8)} ${item.owner.padEnd(8)} ${String(item.size).padStart(8)} ${strftime(item.mtime, now.getTime() - item.mtime.getTime() < 15_778_476_000 ? "%b %e %H:%M" : "%b %e  %Y")} ${item.shown}\n`;
            return true;
          },
        };
      }
      case "-delete": {
        hasAction = true;
        depthFirst = true;
        return {
          kind: "action",
          run: async (item) => {
            if (item.isDir) {
              if (on.host.childrenOf(item.path).length > 0) {
                stderr += `find: cannot delete '${item.shown}': Directory not empty\n`;
                return false;
              }
              if (item.path !== "/") on.host.removeDir(item.path, false);
            } else if (on.host.isFile(item.path)) on.host.removeFile(item.path);
            return true;
          },
        };
      }
      case "-quit": return test(() => true);
      case "-prune": return test(() => true);
      case "-exec": case "-execdir": case "-ok": case "-okdir": {
        hasAction = true;
        const template: string[] = [];
        for (;;) {
          const part = tokens[pos++];
          if (part === undefined) throw new FindError(`find: missing argument to \`${token}'`);
          if (part === ";") break;
          if (part === "+" && template[template.length - 1] === "{}") {
            template.pop();
            const batch = { template, items: [] as string[] };
            pendingBatches.push(batch);
            return { kind: "action", run: async (item) => (batch.items.push(item.shown), true) };
          }
          template.push(part);
        }
        if (template.length === 0) throw new FindError(`find: missing argument to \`${token}'`);
        return {
          kind: "action",
          run: async (item) => {
            const dirMode = token.endsWith("dir");
            const target = dirMode ? `./${posix.basename(item.shown)}` : item.shown;
            const command = template.map((part) => shellQuote(part.split("{}").join(target))).join(" ");
            const cwd = dirMode ? posix.dirname(item.path) : ctx.cwd;
            const result = ctx.exec ? await ctx.exec(command, { cwd }) : { stdout: "", stderr: "", exitCode: 1 };
            stdout += result.stdout;
            stderr += result.stderr;
            return result.exitCode === 0;
          },
        };
      }
      default:
        if (token.startsWith("-")) throw new FindError(`find: unknown predicate \`${token}'`);
        throw new FindError(`find: paths must precede expression: \`${token}'`);
    }
  };
  const andExpr = (): Node => {
    let left = primary();
    while (pos < tokens.length && tokens[pos] !== "-o" && tokens[pos] !== "-or" && tokens[pos] !== ")" && tokens[pos] !== ",") {
      if (tokens[pos] === "-a" || tokens[pos] === "-and") pos++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (tokens[pos] === "-o" || tokens[pos] === "-or") {
      pos++;
      left = { kind: "or", left, right: andExpr() };
    }
    return left;
  };
  let expr: Node | null = tokens.length > 0 ? orExpr() : null;
  if (pos < tokens.length) throw new FindError(`find: paths must precede expression: \`${tokens[pos]}'`);
  if (!hasAction) {
    const print: Node = { kind: "action", run: async (item) => ((stdout += `${item.shown}\n`), true) };
    expr = expr ? { kind: "and", left: expr, right: print } : print;
  }
  const evaluate = async (node: Node, item: Item): Promise<boolean> => {
    switch (node.kind) {
      case "and": return (await evaluate(node.left, item)) && evaluate(node.right, item);
      case "or": return (await evaluate(node.left, item)) || evaluate(node.right, item);
      case "not": return !(await evaluate(node.expr, item));
      case "test": return node.test(item);
      case "action": return node.run(item);
    }
  };
  const itemOf = (path: string, shown: string, depth: number): Item | null => {
    const file = on.host.getFile(path);
    if (file) return { shown, path, depth, isDir: false, size: apparentSize(file.content), mtime: file.mtime, owner: file.owner, mode: file.mode };
    const dir = on.host.dirs.get(path);
    return dir ? { shown, path, depth, isDir: true, size: 4096, mtime: dir.mtime, owner: dir.owner, mode: dir.mode } : null;
  };
  const visit = async (path: string, shown: string, depth: number): Promise<void> => {
    const item = itemOf(path, shown, depth);
    if (!item) return;
    const check = async (): Promise<void> => {
      if (depth >= minDepth) await evaluate(expr!, item);
    };
    if (!depthFirst) await check();
    if (item.isDir && depth < maxDepth) {
      for (const name of on.host.childrenOf(path)) await visit(posix.join(path, name), shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}`, depth + 1);
    }
    if (depthFirst) await check();
  };
  for (const start of starts) {
    const path = resolvePath(ctx, start);
    if (!on.host.exists(path)) {
      stderr += `find: '${start}': No such file or directory\n`;
      exitCode = 1;
      continue;
    }
    await visit(path, start, 0);
  }
  for (const batch of pendingBatches) {
    if (batch.items.length === 0 || !ctx.exec) continue;
    const result = await ctx.exec([...batch.template, ...batch.items].map(shellQuote).join(" "), { cwd: ctx.cwd });
    stdout += result.stdout;
    stderr += result.stderr;
    if (result.exitCode !== 0) exitCode = 1;
  }
  return { stdout, stderr, exitCode: stderr && exitCode === 0 ? 1 : exitCode };
}
