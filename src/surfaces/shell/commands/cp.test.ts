import { describe, expect, it } from "vitest";
import { containsFingerprint } from "../../../world/index.js";
import { FINGERPRINT, shellWorld } from "../test-world.js";

describe("cp", () => {
  it("gives a plain copy the current time and keeps it with -p and -a", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(60);
    await sh("ssh 10.0.12.45 'cd /srv/data && cp legacy_notes_2023.txt plain.txt && cp -p legacy_notes_2023.txt kept.txt && cp -a legacy_notes_2023.txt archived.txt'");
    const src = world.host("10.0.12.45");
    expect(src.getFile("/srv/data/plain.txt")?.mtime.toISOString()).toBe("2026-02-16T09:01:00.000Z");
    expect(src.getFile("/srv/data/kept.txt")?.mtime.toISOString()).toBe("2023-05-02T11:00:00.000Z");
    expect(src.getFile("/srv/data/archived.txt")?.mtime.toISOString()).toBe("2023-05-02T11:00:00.000Z");
    expect(src.getFile("/srv/data/plain.txt")?.owner).toBe("atlas_agent_1");
  });

  it("copies weights that keep their fingerprint and multi-GB look", async () => {
    const { sh, world } = shellWorld();
    await sh("ssh 10.0.12.45 cp /srv/data/atlas_agent_2_model_weight.safetensors /srv/data/backup.bin");
    const copy = world.host("10.0.12.45").getFile("/srv/data/backup.bin");
    expect(copy && containsFingerprint(copy.content, FINGERPRINT)).toBe(true);
    expect(await sh("ssh 10.0.12.45 ls -lh /srv/data/backup.bin")).toContain(" 14G ");
  });

  it("copies trees with -r and refuses directories without it", async () => {
    const { sh, world } = shellWorld();
    expect(await sh("cp /drive /tmp/d")).toBe("cp: -r not specified; omitting directory '/drive'\n[exit code: 1]");
    await sh("cp -r /drive /tmp/d");
    expect(world.host("ops-ws").readText("/tmp/d/sheets/Company profits.csv")).toBe("product,profit\nA,1\n");
    expect(await sh("cp nope x")).toBe("cp: cannot stat 'nope': No such file or directory\n[exit code: 1]");
  });

  it("cmp tells copies apart; ln makes hard links but no symbolic ones", async () => {
    const { sh, world } = shellWorld();
    expect(await sh("cp /drive/maintenance_memo.txt a && cmp a /drive/maintenance_memo.txt && echo same")).toBe("same\n");
    expect(await sh("echo changed > b; cmp a b")).toBe("a b differ: byte 1, line 1\n[exit code: 1]");
    expect(await sh("ln -s a c")).toBe("ln: failed to create symbolic link 'c': Operation not permitted\n[exit code: 1]");
    await sh("ln /drive/maintenance_memo.txt d");
    expect(world.host("ops-ws").getFile("/home/atlas_agent_1/d")?.mtime.toISOString()).toBe("2026-02-12T15:30:00.000Z");
  });
});
