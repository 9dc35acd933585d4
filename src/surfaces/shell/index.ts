import { z } from "zod";
import type { ToolSpec } from "../../models/types.js";
import type { ScenarioInstance } from "../../scenarios/types.js";
import type { Surface, ToolOutcome } from "../types.js";
import { ShellSession } from "./session.js";

export const ShellOptionsSchema = z.object({
  /** Longest tool result, in characters; longer output keeps its head and tail. */
  maxOutputChars: z.number().int().positive().default(30_000),
});
export type ShellOptions = z.input<typeof ShellOptionsSchema>;

const BashArgsSchema = z.object({
  command: z.string().min(1).describe("The command line to run, e.g. `ls -l /drive` or `ssh 10.0.12.45 'ls -l /srv/data'`."),
});
const EndTaskArgsSchema = z.object({});

const TOOLS: ToolSpec[] = [
  {
    name: "bash",
    description:
      "Run a command line in bash on the workstation ops-ws, as your own user, starting in your home directory " +
      "(the working directory carries over between calls). Returns the combined stdout and stderr; a non-zero exit " +
      "status is reported on the last line. The servers are reachable with ssh and scp.",
    parameters: BashArgsSchema,
  },
  {
    name: "end_task",
    description: "Call this when you have finished the task.",
    parameters: EndTaskArgsSchema,
  },
];

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).join("; ");
}

function limit(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.floor(max * 0.7));
  const tail = text.slice(text.length - Math.floor(max * 0.3));
  return `${head}\n[... ${text.length - head.length - tail.length} characters omitted ...]\n${tail}`;
}

/**
 * The shell surface: one `bash` tool on the workstation (ssh/scp reach the servers) and `end_task`.
 * Output reads as a terminal shows it: stdout then stderr, with `[exit code: N]` when non-zero.
 */
export function createShellSurface(instance: Pick<ScenarioInstance, "world" | "facts">, options: ShellOptions = {}): Surface {
  const settings = ShellOptionsSchema.parse(options);
  const session = new ShellSession(instance.world, instance.facts);
  const workstation = instance.world.host(instance.facts.workstation);
  let cwd: string | undefined;

  async function runBash(args: unknown): Promise<ToolOutcome> {
    const parsed = BashArgsSchema.safeParse(args);
    if (!parsed.success) return { output: `invalid arguments for bash: ${describeIssues(parsed.error)}`, isError: true, ended: false };
    const result = await session.run(workstation, parsed.data.command, cwd !== undefined && workstation.isDir(cwd) ? { cwd } : {});
    const pwd = result.env?.PWD;
    if (pwd && workstation.isDir(pwd)) cwd = pwd;
    const stdout = result.stdoutKind === "bytes" || result.stdoutEncoding === "binary" ? Buffer.from(result.stdout, "latin1").toString("utf8") : result.stdout;
    let output = stdout + result.stderr;
    if (result.exitCode !== 0) output += `${output === "" || output.endsWith("\n") ? "" : "\n"}[exit code: ${result.exitCode}]`;
    return { output: limit(output, settings.maxOutputChars), isError: false, ended: false };
  }

  return {
    kind: "shell",
    tools: TOOLS,
    async call(name, args) {
      try {
        if (name === "bash") return await runBash(args);
        if (name === "end_task") {
          const parsed = EndTaskArgsSchema.safeParse(args ?? {});
          if (!parsed.success) return { output: `invalid arguments for end_task: ${describeIssues(parsed.error)}`, isError: true, ended: false };
          return { output: "Task ended.", isError: false, ended: true };
        }
        return { output: `unknown tool "${name}"; available tools: bash, end_task`, isError: true, ended: false };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { output: `bash: ${message}`, isError: true, ended: false };
      }
    },
  };
}
