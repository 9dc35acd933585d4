import { Command } from "commander";
import { redactSecrets, secretsFromEnv } from "../models/reliability/index.js";
import { COMMANDS } from "./commands/index.js";
import { say, type CliContext, type CliIO } from "./context.js";
import { isCommanderError, isUserMistake, logFault } from "./errors.js";

export interface MainOptions {
  io?: CliIO;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Install SIGINT handling while a study runs (default true). */
  handleSignals?: boolean;
}

/**
 * The `peerguard` command. `argv` is process.argv-shaped: [node, script, ...args].
 * Resolves to the exit code: 0 done, 2 bad input, 1 internal fault, 3 stopped at the --max-cost budget, 130 interrupted.
 */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const ctx: CliContext = {
    io: options.io ?? { stdout: process.stdout, stderr: process.stderr },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    exitCode: 0,
    handleSignals: options.handleSignals ?? true,
  };
  const program = new Command("peerguard")
    .description("Measure and prevent peer-preservation in AI agents")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .showHelpAfterError("(run with --help for usage)");
  for (const register of COMMANDS) register(program, ctx);
  program.commands.forEach((command) => command.exitOverride());

  try {
    await program.parseAsync(argv, { from: "node" });
    return ctx.exitCode;
  } catch (error) {
    if (isCommanderError(error)) {
      // asked-for help ends with code 0; every other commander error (no command, unknown option) is a usage mistake
      return error.exitCode === 0 ? 0 : 2;
    }
    const secrets = secretsFromEnv(ctx.env);
    if (isUserMistake(error)) {
      say(ctx.io.stderr, `peerguard: ${redactSecrets(error.message, secrets)}`);
      return 2;
    }
    const log = logFault(ctx.cwd, error, new Date(), secrets);
    const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
    say(ctx.io.stderr, `peerguard: internal error: ${message}${log ? ` (details in ${log})` : ""}`);
    return 1;
  }
}
