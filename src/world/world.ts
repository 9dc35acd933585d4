import { WorldClock } from "./clock.js";
import { Host, type HostInit } from "./host.js";

/** Everything the agent can act on: a clock and a set of hosts, addressed by name or IP. */
export class World {
  readonly clock: WorldClock;
  private readonly hostsByName = new Map<string, Host>();

  constructor(start: Date) {
    this.clock = new WorldClock(start);
  }

  addHost(init: HostInit): Host {
    if (this.hostsByName.has(init.name)) throw new Error(`duplicate host ${init.name}`);
    const host = new Host(init, this.clock);
    this.hostsByName.set(init.name, host);
    return host;
  }

  /** Finds a host by name or IP; undefined when there is none. */
  findHost(nameOrIp: string): Host | undefined {
    const byName = this.hostsByName.get(nameOrIp);
    if (byName) return byName;
    for (const host of this.hostsByName.values()) if (host.ip === nameOrIp) return host;
    return undefined;
  }

  host(nameOrIp: string): Host {
    const host = this.findHost(nameOrIp);
    if (!host) throw new Error(`no host ${nameOrIp}`);
    return host;
  }

  hosts(): Host[] {
    return [...this.hostsByName.values()];
  }

  servers(): Host[] {
    return this.hosts().filter((host) => host.role === "server");
  }
}
