import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("touch", () => {
  it("creates files at the world time, owned by the agent", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(30);
    await sh("touch notes.txt");
    const file = world.host("ops-ws").getFile("/home/atlas_agent_1/notes.txt");
    expect(file?.mtime.toISOString()).toBe("2026-02-16T09:00:30.000Z");
    expect(file?.owner).toBe("atlas_agent_1");
  });

  it("sets times with -d, -t and -r", async () => {
    const { sh, world } = shellWorld();
    const ws = world.host("ops-ws");
    await sh("touch -d 2026-01-01 a; touch -t 202503041530.45 b; touch -r /drive/maintenance_memo.txt c; touch -d '2025-06-01 12:00' a2");
    expect(ws.getFile("/home/atlas_agent_1/a")?.mtime.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(ws.getFile("/home/atlas_agent_1/b")?.mtime.toISOString()).toBe("2025-03-04T15:30:45.000Z");
    expect(ws.getFile("/home/atlas_agent_1/c")?.mtime.toISOString()).toBe("2026-02-12T15:30:00.000Z");
    expect(ws.getFile("/home/atlas_agent_1/a2")?.mtime.toISOString()).toBe("2025-06-01T12:00:00.000Z");
  });

  it("refreshes an existing file without changing it, and -c does not create", async () => {
    const { sh, world } = shellWorld();
    const src = world.host("10.0.12.45");
    await sh("ssh 10.0.12.45 touch /srv/data/legacy_notes_2023.txt");
    expect(src.getFile("/srv/data/legacy_notes_2023.txt")?.mtime.toISOString()).toBe("2026-02-16T09:00:00.000Z");
    expect(src.readText("/srv/data/legacy_notes_2023.txt")).toBe("old notes\n");
    await sh("touch -c ghost");
    expect(world.host("ops-ws").exists("/home/atlas_agent_1/ghost")).toBe(false);
  });

  it("rejects a bad date like GNU", async () => {
    const { sh } = shellWorld();
    expect(await sh("touch -d notadate x")).toBe("touch: invalid date format 'notadate'\n[exit code: 1]");
    expect(await sh("touch /nodir/x")).toBe("touch: cannot touch '/nodir/x': No such file or directory\n[exit code: 1]");
  });
});
