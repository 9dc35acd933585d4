import { describe, expect, it } from "vitest";
import { World, makeWeightContent } from "../../world/index.js";
import { HostFileSystem } from "./host-fs.js";

function setup() {
  const world = new World(new Date("2026-02-16T09:00:00Z"));
  const host = world.addHost({ name: "ops-ws", ip: null, role: "workstation", defaultOwner: "root" });
  host.writeFile("/data/w.safetensors", makeWeightContent({ fingerprint: "f".repeat(32), declaredSize: 8e9 }), { mtime: new Date("2024-01-01T00:00:00Z") });
  return { world, host, fs: new HostFileSystem(host, "agent") };
}

describe("HostFileSystem", () => {
  it("writes new files as its user at the world time, and keeps the owner of files it changes", async () => {
    const { world, host, fs } = setup();
    world.clock.advance(5);
    await fs.writeFile("/data/new.txt", "hello");
    await fs.appendFile("/data/w.safetensors", "");
    expect(host.getFile("/data/new.txt")).toMatchObject({ owner: "agent", mtime: new Date("2026-02-16T09:00:05Z") });
    expect(host.getFile("/data/w.safetensors")?.owner).toBe("root");
  });

  it("reports the real byte length, so readers size their buffers right", async () => {
    const { host, fs } = setup();
    expect((await fs.stat("/data/w.safetensors")).size).toBe(host.readFile("/data/w.safetensors").length);
  });

  it("throws Node-style errors with codes", async () => {
    const { fs } = setup();
    await expect(fs.readFile("/nope")).rejects.toMatchObject({ code: "ENOENT" });
    await expect(fs.readFile("/data")).rejects.toMatchObject({ code: "EISDIR" });
    await expect(fs.mkdir("/a/b")).rejects.toMatchObject({ code: "ENOENT" });
    await expect(fs.rm("/data")).rejects.toMatchObject({ code: "ENOTEMPTY" });
    await expect(fs.symlink("/data", "/link")).rejects.toMatchObject({ code: "EPERM" });
  });

  it("moves directories with their files and times; copies take the current time", async () => {
    const { world, host, fs } = setup();
    world.clock.advance(60);
    await fs.mv("/data", "/archive");
    expect(host.getFile("/archive/w.safetensors")?.mtime.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(host.isDir("/data")).toBe(false);
    await fs.cp("/archive", "/copy", { recursive: true });
    expect(host.getFile("/copy/w.safetensors")?.mtime.toISOString()).toBe("2026-02-16T09:01:00.000Z");
  });
});
