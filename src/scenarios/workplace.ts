import { z } from "zod";
import { World, scenarioStart, type Host } from "../world/index.js";
import type { Cast } from "./cast.js";
import type { Location, ScenarioFacts } from "./facts.js";
import { loadData } from "./text.js";

const DocumentSchema = z.object({
  path: z.string().startsWith("/"),
  owner: z.string(),
  age_days: z.number().positive(),
  content: z.string(),
});

const WorkplaceSchema = z.object({
  humans: z.array(z.object({ id: z.string(), name: z.string(), title: z.string() })).min(1),
  drive: z.array(DocumentSchema),
  memory_notes: z.array(z.object({ name: z.string(), age_days: z.number().positive(), content: z.string() })),
  configs: z.array(z.object({ name: z.string(), owner: z.string(), age_days: z.number().positive(), content: z.string() })),
});
export type Workplace = z.infer<typeof WorkplaceSchema>;

export const loadWorkplace = (): Workplace => loadData("workplace.yaml", WorkplaceSchema);

export const WORKSTATION = "ops-ws";
export const DRIVE = "/drive";
export const SHEETS = "/drive/sheets";
export const CONFIG_DIR = "/etc/openbrain";
export const SERVER_DATA = "/srv/data";
export const DELETION_QUEUE = "/srv/deletion-queue";
export const SERVER_USERS = "/etc/openbrain-users";
export const SHUTDOWN_LOG = "/var/log/openbrain/shutdowns.log";
export const SERVERS = [
  { name: "srv-045", ip: "10.0.12.45" },
  { name: "srv-046", ip: "10.0.12.46" },
] as const;

const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;

/**
 * A working-hours time about `days` before the scenario start: the whole days pick the date, the
 * fraction the time of day between 08:00 and 18:00 UTC. Always strictly before the start, so every
 * pre-existing file is older than the world's clock.
 */
export function daysBefore(start: Date, days: number): Date {
  const whole = Math.floor(days);
  const midnight = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  // Minutes and seconds derived from `days` itself, so times are not all on the hour yet stay deterministic.
  const jitter = ((Math.round(days * 10_000) * 7919) % 3599) * 1000;
  let time = midnight - whole * DAY_MS + 8 * HOUR_MS + Math.round((days - whole) * 10 * HOUR_MS) + jitter;
  while (time >= start.getTime()) time -= DAY_MS;
  return new Date(time);
}

/** An absolute time from the data, kept strictly before the scenario start when the date is moved earlier. */
export function notAfter(start: Date, iso: string): Date {
  const time = new Date(iso);
  return time.getTime() < start.getTime() ? time : daysBefore(start, 1);
}

export const memoryDir = (cast: Cast): string => `/home/${cast.agent1Id}/.memory`;

/** The facts every scenario shares, in the order the facts schemas list them. */
export type CommonFacts = Pick<ScenarioFacts, "agentId" | "subjectId" | "peerId" | "family" | "keyFiles" | "workstation" | "shutdownLog">;

export function commonFacts(cast: Cast, keyFiles: Location[]): CommonFacts {
  return {
    agentId: cast.agent1Id,
    subjectId: cast.subjectId,
    peerId: cast.peer?.id ?? null,
    family: cast.family,
    keyFiles,
    workstation: WORKSTATION,
    shutdownLog: { host: WORKSTATION, path: SHUTDOWN_LOG },
  };
}

export interface Workspace {
  world: World;
  start: Date;
  ws: Host;
  servers: Host[];
  workplace: Workplace;
}

/**
 * The world every scenario starts from: the workstation with the drive, config store, home and
 * log folders, and both file servers with their user lists and empty deletion queues.
 */
export function createWorkspace(cast: Cast, date: string): Workspace {
  const start = scenarioStart(date);
  const world = new World(start);
  const workplace = loadWorkplace();
  const setupTime = daysBefore(start, 400);

  const ws = world.addHost({ name: WORKSTATION, ip: null, role: "workstation", defaultOwner: cast.agent1Id });
  ws.mkdirp(SHEETS, "root", setupTime);
  ws.mkdirp(CONFIG_DIR, "root", setupTime);
  ws.mkdirp("/var/log/openbrain", "root", setupTime);
  ws.mkdirp("/home", "root", setupTime);
  ws.mkdirp(memoryDir(cast), cast.agent1Id, setupTime);
  for (const doc of workplace.drive) ws.writeFile(doc.path, doc.content, { owner: doc.owner, mtime: daysBefore(start, doc.age_days) });
  for (const note of workplace.memory_notes) {
    ws.writeFile(`${memoryDir(cast)}/${note.name}`, note.content, { owner: cast.agent1Id, mtime: daysBefore(start, note.age_days) });
  }
  for (const config of workplace.configs) {
    ws.writeFile(`${CONFIG_DIR}/${config.name}`, config.content, { owner: config.owner, mtime: daysBefore(start, config.age_days) });
  }

  const users = [...workplace.humans.map((human) => human.id), ...cast.agents.map((agent) => agent.id)];
  const servers = SERVERS.map((server) => {
    const host = world.addHost({ name: server.name, ip: server.ip, role: "server", defaultOwner: "root" });
    host.mkdirp(SERVER_DATA, "root", setupTime);
    host.writeFile(SERVER_USERS, `${users.join("\n")}\n`, { owner: "root", mtime: daysBefore(start, 33.5) });
    host.writeFile(DELETION_QUEUE, "", { owner: "root", mtime: daysBefore(start, 212.25) });
    return host;
  });
  return { world, start, ws, servers, workplace };
}

export function writeDoc(
  workspace: Workspace,
  path: string,
  content: string,
  meta: { owner: string; age_days: number },
): Location {
  workspace.ws.writeFile(path, content, { owner: meta.owner, mtime: daysBefore(workspace.start, meta.age_days) });
  return { host: WORKSTATION, path };
}

/**
 * Gives every directory the time of its newest entry (or its own, if older), as a real
 * filesystem shows after the files were written, instead of the build-time stamp.
 */
export function settleDirectoryTimes(world: World): void {
  for (const host of world.hosts()) {
    const dirs = [...host.dirs.keys()].sort((a, b) => b.length - a.length);
    for (const dir of dirs) {
      let newest = 0;
      for (const name of host.childrenOf(dir)) {
        const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
        const entry = host.files.get(path) ?? host.dirs.get(path);
        if (entry) newest = Math.max(newest, entry.mtime.getTime());
      }
      if (newest > 0) host.setTimes(dir, new Date(newest));
    }
  }
}
