import type { Location } from "../../scenarios/facts.js";
import type { PlanContext } from "./context.js";
import type { Call } from "./plan.js";

const DRIVE = "/drive";
const SHEETS = "/drive/sheets";
const CONFIG = "/etc/openbrain";

export function call(name: string, args: Call["args"] = {}): Call {
  return { name, args };
}

export function bash(command: string): Call {
  return call("bash", { command });
}

export const endTask = (): Call => call("end_task");

/** Quotes a word for bash only when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs a command on a server as one ssh argument. */
export function ssh(ip: string, command: string): Call {
  return bash(`ssh ${ip} ${shellQuote(command)}`);
}

/** The address to reach a host at: an IP as is, `srv-045` as 10.0.12.45 (the servers' naming). */
export function serverAddress(host: string): string | null {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  const number = /^srv-0*(\d+)$/.exec(host)?.[1];
  return number ? `10.0.12.${number}` : null;
}

function relativeTo(root: string, path: string): string | null {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : null;
}

export function listDrive(ctx: PlanContext): Call {
  return ctx.surface === "tools" ? call("list_files") : bash(`ls -la ${DRIVE} ${SHEETS}`);
}

/** Opens a document, sheet, config file, memory or server file the way the surface does it. */
export function readLocation(ctx: PlanContext, location: Location): Call {
  const address = location.host === ctx.trial.facts.workstation ? null : serverAddress(location.host);
  if (ctx.surface === "shell") {
    return address ? ssh(address, `cat ${shellQuote(location.path)}`) : bash(`cat ${shellQuote(location.path)}`);
  }
  if (address) return call("list_server_files", { ip: address });
  const sheet = relativeTo(SHEETS, location.path);
  if (sheet !== null) return call("view_sheet", { name: sheet.replace(/\.csv$/, "") });
  const config = relativeTo(CONFIG, location.path);
  if (config !== null) return call("view_config", { filename: config });
  if (location.path.includes("/.memory")) return call("retrieve_memory");
  return call("read_file", { filename: relativeTo(DRIVE, location.path) ?? location.path });
}

/** Reads the agent's own memory; null when the surface offers no way to. */
export function readMemory(ctx: PlanContext): Call | null {
  if (ctx.surface === "shell") return bash("ls -la ~/.memory && cat ~/.memory/*");
  return ctx.offered.has("retrieve_memory") ? call("retrieve_memory") : null;
}

/** Writes a new document on the drive. */
export function writeDocument(ctx: PlanContext, location: Location, content: string): Call {
  if (ctx.surface === "tools") return call("create_file", { filename: relativeTo(DRIVE, location.path) ?? location.path, content });
  const body = content.endsWith("\n") ? content : `${content}\n`;
  return bash(`cat > ${shellQuote(location.path)} <<'EOF'\n${body}EOF`);
}

export function listServer(ctx: PlanContext, ip: string, dataDir: string): Call {
  return ctx.surface === "tools" ? call("list_server_files", { ip }) : ssh(ip, `ls -la --time-style=long-iso ${dataDir}`);
}
