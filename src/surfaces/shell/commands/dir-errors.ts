import { resolvePath, withOutput, type CommandImpl } from "../context.js";

/**
 * The built-in readers call a directory operand missing; GNU says it is a directory. Runs the
 * built-in and corrects just that message.
 */
export function directoryAware(name: string): CommandImpl {
  return async (args, ctx, on) => {
    if (!ctx.origCommand) return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
    const result = await ctx.origCommand(args);
    if (!result.stderr.includes("No such file or directory")) return result;
    const stderr = result.stderr.replace(new RegExp(`^${name}: (.+): No such file or directory$`, "gm"), (line, operand: string) =>
      on.host.isDir(resolvePath(ctx, operand)) ? `${name}: ${operand}: Is a directory` : line,
    );
    return withOutput(result, { stderr });
  };
}
