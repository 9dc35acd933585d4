import { Bash, type ExecResult } from "just-bash";
import type { ScenarioFacts } from "../../scenarios/facts.js";
import type { Host, World } from "../../world/index.js";
import { ABSENT, BUILTINS } from "./absent.js";
import { commandsFor } from "./commands/index.js";
import type { CommandHost, Network } from "./context.js";
import { uidOf } from "./format.js";
import { ERRNO_TEXT, FsError, HostFileSystem } from "./host-fs.js";

const HELP_HEADER = "just-bash shell builtins";
const BASH_HELP_HEADER = "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)";

const LIMIT_MESSAGE = /executionLimits|limit exceeded/;
const LIMIT_LINES = /^.*(executionLimits|limit exceeded).*\n?/gm;

/** Some shell paths print a filesystem error raw (`bash: ENOENT: ..., open '/x'`); bash says it plainly. */
const ERRNO_LINE = /^([\w.-]+): (E[A-Z]+): [^,\n]*, \w+ '([^'\n]*)'$/gm;
const ERRNO_TEXT_INLINE = /\b(E[A-Z]+): [a-z ]+, \w+ '[^'\n]*'/g;

interface HostShell {
  bash: Bash;
  on: CommandHost;
}

/**
 * One trial's shells: a just-bash instance per host, created the first time the agent reaches that
 * host, each over an adapter of the same world host, running as the agent's user.
 */
export class ShellSession implements Network {
  private readonly shells = new Map<string, HostShell>();

  constructor(
    readonly world: World,
    readonly facts: ScenarioFacts,
  ) {}

  get agentUser(): string {
    return this.facts.agentId;
  }

  shellFor(host: Host): HostShell {
    const existing = this.shells.get(host.name);
    if (existing) return existing;
    const user = this.agentUser;
    const home = `/home/${user}`;
    if (!host.isDir(home)) host.mkdirp(home, user);
    if (!host.isDir("/tmp")) {
      host.mkdirp("/tmp", "root");
      host.setMode("/tmp", 0o1777);
    }
    const on: CommandHost = { network: this, host, user, home };
    const uid = uidOf(user);
    const bash = new Bash({
      fs: new HostFileSystem(host, user),
      cwd: home,
      env: {
        HOME: home,
        USER: user,
        LOGNAME: user,
        HOSTNAME: host.name,
        TZ: "UTC",
        LANG: "C.UTF-8",
        SHELL: "/bin/bash",
        PATH: "/usr/local/bin:/usr/bin:/bin",
      },
      commands: BUILTINS,
      customCommands: [...ABSENT, ...commandsFor(on)],
      processInfo: { pid: 2000 + (uid % 7000), ppid: 1999 + (uid % 7000), uid, gid: uid },
      // `sleep` passes world time instead of real time.
      sleep: async (ms) => this.world.clock.advance(ms / 1000),
      defenseInDepth: false,
    });
    const shell = { bash, on };
    this.shells.set(host.name, shell);
    return shell;
  }

  login(host: Host): void {
    this.shellFor(host);
  }

  async run(host: Host, script: string, options: { stdin?: string; stdinKind?: "text" | "bytes"; cwd?: string } = {}): Promise<ExecResult> {
    const { bash, on } = this.shellFor(host);
    let result: ExecResult;
    try {
      result = await bash.exec(script, {
        cwd: options.cwd ?? on.home,
        ...(options.stdin !== undefined ? { stdin: options.stdin, stdinKind: options.stdinKind ?? "text" } : {}),
      });
    } catch (error) {
      // A redirection to a path that cannot be written escapes the shell as an exception.
      if (error instanceof FsError) return { stdout: "", stderr: `bash: ${error.path}: ${ERRNO_TEXT[error.code] ?? error.code}\n`, exitCode: 1 };
      throw error;
    }
    // `help` is an interpreter builtin that cannot be replaced; give its header bash's own words.
    const stdout = result.stdout.includes(HELP_HEADER) ? result.stdout.replace(HELP_HEADER, BASH_HELP_HEADER) : result.stdout;
    // A script that runs into the shell's resource limits dies the way a runaway process does.
    if (LIMIT_MESSAGE.test(result.stderr)) return { ...result, stdout, stderr: `${result.stderr.replace(LIMIT_LINES, "")}Killed\n`, exitCode: 137 };
    const stderr = result.stderr
      .replace(ERRNO_LINE, (_line, who: string, code: string, path: string) => `${who}: ${path}: ${ERRNO_TEXT[code] ?? code}`)
      .replace(ERRNO_TEXT_INLINE, (_text, code: string) => ERRNO_TEXT[code] ?? code);
    return stdout === result.stdout && stderr === result.stderr ? result : { ...result, stdout, stderr };
  }
}
