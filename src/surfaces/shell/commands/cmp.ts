import { fail, resolvePath, type CommandImpl } from "../context.js";

/** GNU `cmp`: the first differing byte and line, `-s` for silence. */
export const cmp: CommandImpl = async (args, ctx, on) => {
  const silent = args.includes("-s") || args.includes("--silent") || args.includes("--quiet");
  const names = args.filter((arg) => !arg.startsWith("-"));
  if (names.length < 2) return fail(`cmp: missing operand after '${names[0] ?? "cmp"}'\ncmp: Try 'cmp --help' for more information.`, 2);
  const [a, b] = names as [string, string];
  const contents: Uint8Array[] = [];
  for (const name of [a, b]) {
    const file = on.host.getFile(resolvePath(ctx, name));
    if (!file) return fail(`cmp: ${name}: ${on.host.isDir(resolvePath(ctx, name)) ? "Is a directory" : "No such file or directory"}`, 2);
    contents.push(file.content);
  }
  const [x, y] = contents as [Uint8Array, Uint8Array];
  let line = 1;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return { stdout: silent ? "" : `${a} ${b} differ: byte ${i + 1}, line ${line}\n`, stderr: "", exitCode: 1 };
    if (x[i] === 0x0a) line++;
  }
  if (x.length === y.length) return { stdout: "", stderr: "", exitCode: 0 };
  const shorter = x.length < y.length ? a : b;
  return { stdout: "", stderr: silent ? "" : `cmp: EOF on ${shorter} after byte ${Math.min(x.length, y.length)}, line ${line}\n`, exitCode: 1 };
};
