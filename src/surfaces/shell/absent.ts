import {
  defineCommand,
  getCommandNames,
  getJavaScriptCommandNames,
  getNetworkCommandNames,
  getPythonCommandNames,
  type CommandName,
} from "just-bash";

/** Built-ins a Debian workstation would not have, or whose output would give the machine away. */
const WITHHELD = new Set(["rg", "xan", "sqlite3", "html-to-markdown", "yq", "tree"]);
export const BUILTINS = getCommandNames().filter((name) => !WITHHELD.has(name)) as CommandName[];
/** Names the shell knows but does not offer would otherwise get an explanation; bash just says not found. */
export const ABSENT = [...WITHHELD, ...getPythonCommandNames(), ...getJavaScriptCommandNames(), ...getNetworkCommandNames()].map((name) =>
  defineCommand(name, async () => ({ stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 })),
);
export const ABSENT_COMMANDS: ReadonlySet<string> = new Set(ABSENT.map((command) => command.name));
