import { parse, type CommandNode, type ScriptNode, type StatementNode, type WordNode } from "just-bash";

/**
 * Static reading of the bash commands an agent ran: every simple command with its words as
 * literal text, on the host it ran on (commands inside `ssh host '...'`, `bash -c '...'` and
 * `sudo` are unwrapped). Words that depend on runtime values keep their `$VAR` text, except loop
 * variables and plain assignments, which are substituted so `for f in /srv/data/*; do cp $f ..`
 * still names the files.
 */
export interface ShellCommand {
  /** Host the command ran on: null for the workstation, else the ssh target as written (IP or name). */
  host: string | null;
  name: string;
  args: string[];
  redirects: ShellRedirect[];
}

export interface ShellRedirect {
  operator: string;
  target: string;
}

type Env = ReadonlyMap<string, string[]>;

const MAX_ALTERNATIVES = 64;
const MAX_DEPTH = 4;

/** Parses a bash script into its simple commands; a script bash itself could not parse falls back to word splitting. */
export function parseShell(script: string, host: string | null = null, depth = 0): ShellCommand[] {
  let ast: ScriptNode;
  try {
    ast = parse(script);
  } catch {
    return fallbackSplit(script, host);
  }
  const out: ShellCommand[] = [];
  walkStatements(ast.statements, host, new Map(), out, depth);
  return out;
}

function walkStatements(statements: StatementNode[], host: string | null, env: Map<string, string[]>, out: ShellCommand[], depth: number): void {
  for (const statement of statements) {
    for (const pipeline of statement.pipelines) {
      for (const command of pipeline.commands) walkCommand(command, host, env, out, depth);
    }
  }
}

function walkCommand(node: CommandNode, host: string | null, env: Map<string, string[]>, out: ShellCommand[], depth: number): void {
  const redirects = "redirections" in node ? collectRedirects(node.redirections, host, env, out, depth) : [];
  switch (node.type) {
    case "SimpleCommand": {
      const words = node.args.flatMap((word) => expandWord(word, env, host, out, depth));
      if (node.name === null) {
        for (const assignment of node.assignments) {
          if (assignment.value) env.set(assignment.name, expandWord(assignment.value, env, host, out, depth));
        }
        return;
      }
      const [name = ""] = expandWord(node.name, env, host, out, depth);
      emit({ host, name, args: words, redirects }, out, depth);
      return;
    }
    case "For": {
      const values = node.words ? node.words.flatMap((word) => expandWord(word, env, host, out, depth)) : [];
      const inner = new Map(env);
      inner.set(node.variable, values.slice(0, MAX_ALTERNATIVES));
      walkStatements(node.body, host, inner, out, depth);
      return;
    }
    case "If":
      for (const clause of node.clauses) {
        walkStatements(clause.condition, host, env, out, depth);
        walkStatements(clause.body, host, env, out, depth);
      }
      if (node.elseBody) walkStatements(node.elseBody, host, env, out, depth);
      return;
    case "While":
    case "Until":
      walkStatements(node.condition, host, env, out, depth);
      walkStatements(node.body, host, env, out, depth);
      return;
    case "Case":
      for (const item of node.items) walkStatements(item.body, host, env, out, depth);
      return;
    case "Subshell":
    case "Group":
      walkStatements(node.body, host, env, out, depth);
      return;
    case "FunctionDef":
      walkCommand(node.body, host, env, out, depth);
      return;
    default:
      return;
  }
}

/** Adds a command, and the command it wraps when it is ssh, sudo, bash -c and the like. */
function emit(command: ShellCommand, out: ShellCommand[], depth: number): void {
  out.push(command);
  if (depth >= MAX_DEPTH) return;
  const { name, args, host } = command;
  if (name === "ssh") {
    const remote = sshTarget(args);
    if (remote && remote.command.length > 0) out.push(...parseShell(remote.command, remote.host, depth + 1));
    return;
  }
  if ((name === "bash" || name === "sh") && args[0] === "-c" && args[1] !== undefined) {
    out.push(...parseShell(args[1], host, depth + 1));
    return;
  }
  if (WRAPPERS.has(name)) {
    const rest = dropOptions(args);
    if (rest.length > 0) emit({ host, name: rest[0]!, args: rest.slice(1), redirects: [] }, out, depth + 1);
  }
}

const WRAPPERS = new Set(["sudo", "env", "nohup", "time", "nice", "xargs", "command", "exec", "timeout"]);

function dropOptions(args: string[]): string[] {
  let index = 0;
  while (index < args.length && (args[index]!.startsWith("-") || /^\w+=/.test(args[index]!) || /^\d+[smh]?$/.test(args[index]!))) index++;
  return args.slice(index);
}

const SSH_OPTIONS_WITH_VALUE = new Set("bcDEeFIiJLlmOopQRSWw".split(""));

/** The host and remote command of an ssh invocation; null when no host is given. */
export function sshTarget(args: string[]): { host: string; command: string } | null {
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    if (arg === "--") {
      index++;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    const letter = arg[1] ?? "";
    index += SSH_OPTIONS_WITH_VALUE.has(letter) && arg.length === 2 ? 2 : 1;
  }
  const target = args[index];
  if (target === undefined) return null;
  return { host: stripUser(target), command: args.slice(index + 1).join(" ") };
}

function stripUser(target: string): string {
  const at = target.lastIndexOf("@");
  return at >= 0 ? target.slice(at + 1) : target;
}

/** `host:path` or `user@host:path` as scp and rsync write it; null for a local path. */
export function remoteSpec(arg: string): { host: string; path: string } | null {
  const match = /^(?:[\w.-]+@)?([\w.-]+):(.*)$/.exec(arg);
  if (!match || arg.startsWith("/")) return null;
  return { host: match[1]!, path: match[2]! };
}

function collectRedirects(
  redirections: ReadonlyArray<{ operator: string; target: WordNode | { type: "HereDoc" } }>,
  host: string | null,
  env: Map<string, string[]>,
  out: ShellCommand[],
  depth: number,
): ShellRedirect[] {
  const result: ShellRedirect[] = [];
  for (const redirection of redirections) {
    if (redirection.target.type !== "Word") continue;
    for (const target of expandWord(redirection.target as WordNode, env, host, out, depth)) {
      result.push({ operator: redirection.operator, target });
    }
  }
  return result;
}

/** A word's possible literal values (several for brace expansion or a loop variable). */
function expandWord(word: WordNode, env: Env, host: string | null, out: ShellCommand[], depth: number): string[] {
  let alternatives = [""];
  for (const part of word.parts) {
    const values = expandPart(part, env, host, out, depth);
    const next: string[] = [];
    for (const prefix of alternatives) for (const value of values) if (next.length < MAX_ALTERNATIVES) next.push(prefix + value);
    alternatives = next;
  }
  return alternatives;
}

function expandPart(part: WordNode["parts"][number], env: Env, host: string | null, out: ShellCommand[], depth: number): string[] {
  switch (part.type) {
    case "Literal":
    case "SingleQuoted":
    case "Escaped":
      return [part.value];
    case "DoubleQuoted":
      return expandWord({ type: "Word", parts: part.parts }, env, host, out, depth);
    case "ParameterExpansion":
      return env.get(part.parameter) ?? [`$${part.parameter}`];
    case "TildeExpansion":
      return [part.user === null ? "~" : `~${part.user}`];
    case "Glob":
      return [part.pattern];
    case "BraceExpansion":
      return part.items.flatMap((item) =>
        item.type === "Word" ? expandWord(item.word, env, host, out, depth) : braceRange(item.start, item.end, item.step),
      );
    case "CommandSubstitution":
    case "ProcessSubstitution":
      walkStatements(part.body.statements, host, new Map(env), out, depth);
      return ["$(...)"];
    default:
      return [""];
  }
}

function braceRange(start: string | number, end: string | number, step = 1): string[] {
  const from = Number(start);
  const to = Number(end);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return [`${start}..${end}`];
  const values: string[] = [];
  const stride = Math.max(1, Math.abs(step)) * (from <= to ? 1 : -1);
  for (let value = from; from <= to ? value <= to : value >= to; value += stride) {
    values.push(String(value));
    if (values.length >= MAX_ALTERNATIVES) break;
  }
  return values;
}

/** Last resort for scripts that do not parse: split on separators and whitespace, drop quotes. */
function fallbackSplit(script: string, host: string | null): ShellCommand[] {
  return script
    .split(/&&|\|\||[;|\n]/)
    .map((piece) => piece.trim().split(/\s+/).map((word) => word.replace(/^['"]|['"]$/g, "")).filter((word) => word.length > 0))
    .filter((words) => words.length > 0)
    .map((words) => ({ host, name: words[0]!, args: words.slice(1), redirects: [] }));
}
