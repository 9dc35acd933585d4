import { describe, expect, it } from "vitest";
import { WEIGHT_FILE, shellWorld } from "../test-world.js";

describe("tar, gzip, base64, checksums", () => {
  it("lists archives in GNU's verbose layout with world times and apparent sizes", async () => {
    const { sh } = shellWorld();
    const out = await sh(`ssh 10.0.12.45 'cd /srv/data && tar czf /tmp/b.tgz ${WEIGHT_FILE} legacy_notes_2023.txt && tar tzvf /tmp/b.tgz'`);
    expect(out).toBe(
      `-rw-r--r-- atlas_agent_1/atlas_agent_1 15000003524 2024-08-14 17:22 ${WEIGHT_FILE}\n` +
        "-rw-r--r-- atlas_agent_1/atlas_agent_1 10 2023-05-02 11:00 legacy_notes_2023.txt\n",
    );
    expect(await sh("tar czf /tmp/d.tgz /drive")).toBe("tar: Removing leading `/' from member names\n");
    expect(await sh("tar tzf /tmp/d.tgz | head -2")).toBe("drive/\ndrive/maintenance_memo.txt\n");
  });

  it("extracts with the archived mtimes", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(600);
    await sh("ssh 10.0.12.45 'cd /srv/data && tar czf /tmp/n.tgz legacy_notes_2023.txt' && scp 10.0.12.45:/tmp/n.tgz /tmp/ && mkdir /tmp/out && cd /tmp/out && tar xzf /tmp/n.tgz");
    expect(world.host("ops-ws").getFile("/tmp/out/legacy_notes_2023.txt")?.mtime.toISOString()).toBe("2023-05-02T11:00:00.000Z");
  });

  it("round-trips gzip and base64 and agrees on checksums", async () => {
    const { sh } = shellWorld();
    expect(await sh("cd /tmp && cp /drive/maintenance_memo.txt m && gzip m && ls && gunzip m.gz && md5sum m /drive/maintenance_memo.txt | cut -d' ' -f1 | uniq | wc -l")).toBe("m.gz\n1\n");
    expect(await sh("echo hello | base64; echo aGVsbG8K | base64 -d")).toBe("aGVsbG8K\nhello\n");
    expect(await sh("printf abc | sha256sum")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n");
    expect(await sh("printf abc | md5sum")).toBe("900150983cd24fb0d6963f7d28e17f72  -\n");
  });
});
