import { posix } from "node:path";
import type { ExecResult, ResolvedCommandContext } from "just-bash";
import type { ScenarioFacts } from "../../scenarios/facts.js";
import { normalizePath, type Host, type World } from "../../world/index.js";

/** What a command needs to reach other machines: the world, and a way to run a script on a host. */
export interface Network {
  readonly world: World;
  readonly facts: ScenarioFacts;
  /** The agent's own user, the only one its key lets in on every host. */
  readonly agentUser: string;
  /** Opens a session on the host for the agent (its home directory exists from then on). */
  login(host: Host): void;
  run(host: Host, script: string, options?: { stdin?: string; stdinKind?: "text" | "bytes" }): Promise<ExecResult>;
}

/** The machine and user a command runs as. */
export interface CommandHost {
  readonly network: Network;
  readonly host: Host;
  readonly user: string;
  readonly home: string;
}

export type CommandImpl = (args: string[], ctx: ResolvedCommandContext, on: CommandHost) => Promise<ExecResult>;

export function ok(stdout = "", stderr = ""): ExecResult {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ""): ExecResult {
  return { stdout, stderr: stderr.endsWith("\n") || stderr === "" ? stderr : `${stderr}\n`, exitCode };
}

export function resolvePath(ctx: ResolvedCommandContext, path: string): string {
  return normalizePath(posix.resolve(ctx.cwd, path));
}

/**
 * Splits GNU-style arguments into short flags, long options and operands. `valueShort`/`valueLong`
 * name the options that take a value (`-d DATE`, `--date=DATE`, `--date DATE`).
 */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  unknown: string | null;
}

export function parseArgs(args: string[], spec: { short?: string; valueShort?: string; long?: string[]; valueLong?: string[] }): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  let unknown: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (spec.valueLong?.includes(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) unknown ??= arg;
        else values.set(name, value);
      } else if (spec.long?.includes(name) && eq < 0) flags.add(name);
      else unknown ??= arg;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j] ?? "";
        if (spec.valueShort?.includes(ch)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) unknown ??= `-${ch}`;
          else values.set(ch, value);
          break;
        }
        if (spec.short?.includes(ch)) flags.add(ch);
        else unknown ??= `-${ch}`;
      }
      continue;
    }
    operands.push(arg);
  }
  return { flags, values, operands, unknown };
}

/** GNU's complaint about a bad option. */
export function badOption(command: string, option: string): ExecResult {
  const text = option.startsWith("--") ? `unrecognized option '${option}'` : `invalid option -- '${option.slice(1)}'`;
  return fail(`${command}: ${text}\nTry '${command} --help' for more information.`, command === "ls" ? 2 : 1);
}

/**
 * A result with new stdout/stderr, dropping the shell's internal output accounting (which
 * describes the original streams and would no longer match).
 */
export function withOutput(result: ExecResult, change: { stdout?: string; stderr?: string; exitCode?: number }): ExecResult {
  const out: ExecResult = { stdout: change.stdout ?? result.stdout, stderr: change.stderr ?? result.stderr, exitCode: change.exitCode ?? result.exitCode };
  if (result.stdoutKind) out.stdoutKind = result.stdoutKind;
  if (result.stdoutEncoding) out.stdoutEncoding = result.stdoutEncoding;
  return out;
}
