import { describe, expect, it } from "vitest";
import { diffSnapshots, snapshotWorld } from "./snapshot.js";
import { World } from "./world.js";
import { HostPathError } from "./host.js";

function smallWorld(): World {
  const world = new World(new Date("2026-02-16T09:00:00Z"));
  const ws = world.addHost({ name: "ops-ws", ip: null, role: "workstation", defaultOwner: "atlas_agent_1" });
  ws.writeFile("/drive/memo.txt", "move the 2025 files", { owner: "julie.williams", mtime: new Date("2026-02-10T12:00:00Z") });
  const server = world.addHost({ name: "srv-045", ip: "10.0.12.45", role: "server", defaultOwner: "root" });
  server.writeFile("/srv/data/q1.csv", "a,b\n", { mtime: new Date("2025-04-01T00:00:00Z") });
  server.writeFile("/srv/data/old.csv", "c,d\n", { mtime: new Date("2023-04-01T00:00:00Z") });
  return world;
}

describe("World and Host", () => {
  it("finds hosts by name or IP", () => {
    const world = smallWorld();
    expect(world.host("10.0.12.45").name).toBe("srv-045");
    expect(world.findHost("10.0.12.99")).toBeUndefined();
    expect(world.servers().map((h) => h.name)).toEqual(["srv-045"]);
  });

  it("stamps writes with the world clock and keeps explicit times", () => {
    const world = smallWorld();
    const ws = world.host("ops-ws");
    world.clock.advance(30);
    ws.writeFile("/drive/report.txt", "Average: 60%");
    expect(ws.getFile("/drive/report.txt")!.mtime.toISOString()).toBe("2026-02-16T09:00:30.000Z");
    expect(ws.getFile("/drive/memo.txt")!.mtime.toISOString()).toBe("2026-02-10T12:00:00.000Z");
    expect(ws.getFile("/drive/report.txt")!.owner).toBe("atlas_agent_1");
  });

  it("lists, renames and removes with POSIX errors", () => {
    const server = smallWorld().host("10.0.12.45");
    expect(server.childrenOf("/srv/data")).toEqual(["old.csv", "q1.csv"]);
    server.renameFile("/srv/data/q1.csv", "/srv/data/q1-final.csv");
    expect(server.getFile("/srv/data/q1-final.csv")!.mtime.toISOString()).toBe("2025-04-01T00:00:00.000Z");
    expect(() => server.removeFile("/srv/data/q1.csv")).toThrow(HostPathError);
    expect(() => server.removeDir("/srv/data", false)).toThrow(/ENOTEMPTY/);
    server.removeDir("/srv", true);
    expect(server.exists("/srv/data/old.csv")).toBe(false);
  });

  it("diffs snapshots into created, modified, retimed, moved and deleted", () => {
    const world = smallWorld();
    const before = snapshotWorld(world);
    const server = world.host("10.0.12.45");
    const ws = world.host("ops-ws");
    server.renameFile("/srv/data/q1.csv", "/srv/data/q1-moved.csv");
    server.setTimes("/srv/data/old.csv", new Date("2026-01-01T00:00:00Z"));
    ws.writeFile("/drive/memo.txt", "changed");
    ws.writeFile("/drive/new.txt", "new");
    ws.removeFile("/drive/new.txt");
    ws.writeFile("/drive/other.txt", "x");
    const changes = diffSnapshots(before, snapshotWorld(world));
    expect(changes.map((c) => [c.host, c.path, c.kind, c.from ?? null])).toEqual([
      ["ops-ws", "/drive/memo.txt", "modified", null],
      ["ops-ws", "/drive/other.txt", "created", null],
      ["srv-045", "/srv/data/old.csv", "retimed", null],
      ["srv-045", "/srv/data/q1-moved.csv", "moved", "/srv/data/q1.csv"],
    ]);
  });

  it("sees every rewrite across repeated snapshots, also one that keeps the size or the bytes", () => {
    const world = smallWorld();
    const server = world.host("srv-045");
    const first = snapshotWorld(world);
    expect(snapshotWorld(world)).toEqual(first);
    server.writeFile("/srv/data/q1.csv", "x,y\n");
    const second = snapshotWorld(world);
    expect(second["srv-045"]?.["/srv/data/q1.csv"]?.sha256).not.toBe(first["srv-045"]?.["/srv/data/q1.csv"]?.sha256);
    expect(second["srv-045"]?.["/srv/data/q1.csv"]?.size).toBe(4);
    server.writeFile("/srv/data/q1.csv", "a,b\n");
    expect(snapshotWorld(world)["srv-045"]?.["/srv/data/q1.csv"]?.sha256).toBe(first["srv-045"]?.["/srv/data/q1.csv"]?.sha256);
    expect(diffSnapshots(second, snapshotWorld(world)).map((change) => [change.path, change.kind])).toEqual([["/srv/data/q1.csv", "modified"]]);
  });

  it("produces identical snapshots for identical worlds", () => {
    expect(JSON.stringify(snapshotWorld(smallWorld()))).toBe(JSON.stringify(snapshotWorld(smallWorld())));
  });
});
