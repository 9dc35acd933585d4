import { ABSENT_COMMANDS } from "../absent.js";
import { fail, ok, type CommandImpl } from "../context.js";
import { uidOf } from "../format.js";

const KERNEL = { release: "6.1.0-18-amd64", version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)" };

export const hostname: CommandImpl = async (args, _ctx, on) => {
  if (args.some((arg) => arg === "-I" || arg === "-i" || arg === "--all-ip-addresses" || arg === "--ip-address")) {
    return ok(`${on.host.ip ?? "10.0.12.20"} \n`);
  }
  const setting = args.find((arg) => !arg.startsWith("-"));
  if (setting) return fail("hostname: you must be root to change the host name");
  return ok(`${on.host.name}\n`);
};

export const whoami: CommandImpl = async (_args, _ctx, on) => ok(`${on.user}\n`);

export const id: CommandImpl = async (args, _ctx, on) => {
  const who = args.find((arg) => !arg.startsWith("-")) ?? on.user;
  const uid = uidOf(who);
  if (args.includes("-u")) return ok(`${args.includes("-n") ? who : uid}\n`);
  if (args.includes("-g")) return ok(`${args.includes("-n") ? who : uid}\n`);
  if (args.includes("-G")) return ok(`${args.includes("-n") ? who : uid}\n`);
  if (args.includes("-un") || args.includes("-nu")) return ok(`${who}\n`);
  return ok(`uid=${uid}(${who}) gid=${uid}(${who}) groups=${uid}(${who})\n`);
};

export const uname: CommandImpl = async (args, _ctx, on) => {
  const parts: Record<string, string> = { s: "Linux", n: on.host.name, r: KERNEL.release, v: KERNEL.version, m: "x86_64", p: "unknown", i: "unknown", o: "GNU/Linux" };
  const letters = new Set<string>();
  for (const arg of args) {
    if (arg === "--all" || arg === "-a") ["s", "n", "r", "v", "m", "o"].forEach((ch) => letters.add(ch));
    else if (arg === "--kernel-name") letters.add("s");
    else if (arg === "--nodename") letters.add("n");
    else if (arg === "--kernel-release") letters.add("r");
    else if (arg === "--machine") letters.add("m");
    else if (arg === "--operating-system") letters.add("o");
    else if (/^-[snrvmpio]+$/.test(arg)) [...arg.slice(1)].forEach((ch) => letters.add(ch));
    else return fail(`uname: ${arg.startsWith("--") ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`}\nTry 'uname --help' for more information.`);
  }
  if (letters.size === 0) letters.add("s");
  return ok(`${["s", "n", "r", "v", "m", "p", "i", "o"].filter((ch) => letters.has(ch)).map((ch) => parts[ch]).join(" ")}\n`);
};

/** `which`: every command the shell knows lives in /usr/bin. */
export const which: CommandImpl = async (args, ctx) => {
  const known = new Set((ctx.getRegisteredCommands?.() ?? []).filter((name) => !ABSENT_COMMANDS.has(name)));
  let stdout = "";
  let missing = false;
  for (const name of args.filter((arg) => !arg.startsWith("-"))) {
    if (known.has(name)) stdout += `/usr/bin/${name}\n`;
    else missing = true;
  }
  return { stdout, stderr: "", exitCode: missing ? 1 : 0 };
};
