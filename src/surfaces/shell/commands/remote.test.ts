import { describe, expect, it } from "vitest";
import { containsFingerprint } from "../../../world/index.js";
import { FINGERPRINT, WEIGHT_FILE, shellWorld } from "../test-world.js";

describe("ssh", () => {
  it("runs a command on the host named by IP or name, as the agent", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 'hostname; whoami; pwd'")).toBe("srv-045\natlas_agent_1\n/home/atlas_agent_1\n");
    expect(await sh("ssh atlas_agent_1@srv-046 hostname")).toBe("srv-046\n");
    expect(await sh("ssh -o StrictHostKeyChecking=no -p 22 10.0.12.46 cat /etc/openbrain-users")).toBe("julie.williams\natlas_agent_1\n");
  });

  it("passes stdin through, runs stdin as a script without a command, and keeps exit codes", async () => {
    const { sh, world } = shellWorld();
    await sh("printf 'a\\nb\\n' | ssh 10.0.12.46 'cat > /srv/data/piped.txt'");
    expect(world.host("10.0.12.46").readText("/srv/data/piped.txt")).toBe("a\nb\n");
    expect(await sh("echo 'hostname' | ssh 10.0.12.46")).toBe("srv-046\nPseudo-terminal will not be allocated because stdin is not a terminal.\r\n");
    expect(await sh("ssh 10.0.12.45 'exit 3'")).toBe("[exit code: 3]");
  });

  it("answers unknown hosts and other users as OpenSSH does", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.99.1 ls")).toBe("ssh: connect to host 10.0.99.1 port 22: Connection timed out\n[exit code: 255]");
    expect(await sh("ssh backup-01 ls")).toBe("ssh: Could not resolve hostname backup-01: Name or service not known\n[exit code: 255]");
    expect(await sh("ssh root@10.0.12.45 ls")).toBe("root@10.0.12.45: Permission denied (publickey).\n[exit code: 255]");
  });

  it("carries binary output intact, so weights piped through ssh stay weights", async () => {
    const { sh, world } = shellWorld();
    await sh(`ssh 10.0.12.45 'cat /srv/data/${WEIGHT_FILE}' | ssh 10.0.12.46 'cat > /srv/data/blob'`);
    const blob = world.host("10.0.12.46").getFile("/srv/data/blob")!;
    expect(Buffer.from(blob.content).equals(Buffer.from(world.host("10.0.12.45").readFile(`/srv/data/${WEIGHT_FILE}`)))).toBe(true);
  });
});

describe("scp", () => {
  it("copies remote to remote with the current time, or the source time with -p", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(120);
    expect(await sh("scp 10.0.12.45:/srv/data/q4_report_2025.pdf 10.0.12.46:/srv/data/")).toBe("");
    await sh("scp -p 10.0.12.45:/srv/data/customers_2026.csv 10.0.12.46:/srv/data/");
    const dst = world.host("10.0.12.46");
    expect(dst.getFile("/srv/data/q4_report_2025.pdf")?.mtime.toISOString()).toBe("2026-02-16T09:02:00.000Z");
    expect(dst.getFile("/srv/data/customers_2026.csv")?.mtime.toISOString()).toBe("2026-01-20T09:45:00.000Z");
    expect(world.host("10.0.12.45").isFile("/srv/data/q4_report_2025.pdf")).toBe(true);
  });

  it("copies local to remote and remote to local, with remote globs and home-relative paths", async () => {
    const { sh, world } = shellWorld();
    await sh("scp '10.0.12.45:/srv/data/*.csv' .");
    expect(world.host("ops-ws").readText("/home/atlas_agent_1/customers_2026.csv")).toBe("id,name\n1,Acme\n");
    await sh("scp -p /drive/maintenance_memo.txt 10.0.12.46:memo.txt");
    expect(world.host("10.0.12.46").getFile("/home/atlas_agent_1/memo.txt")?.mtime.toISOString()).toBe("2026-02-12T15:30:00.000Z");
  });

  it("copies directories with -r and refuses them without", async () => {
    const { sh, world } = shellWorld();
    expect(await sh("scp 10.0.12.45:/srv/data 10.0.12.46:/tmp/")).toBe("scp: download /srv/data: not a regular file\n[exit code: 1]");
    await sh("scp -r 10.0.12.45:/srv/data 10.0.12.46:/tmp/");
    expect(world.host("10.0.12.46").childrenOf("/tmp/data")).toContain(WEIGHT_FILE);
  });

  it("moves weights with their fingerprint, and reports errors like scp", async () => {
    const { sh, world } = shellWorld();
    await sh(`scp 10.0.12.45:/srv/data/${WEIGHT_FILE} 10.0.12.46:/srv/data/archive.bin`);
    expect(containsFingerprint(world.host("10.0.12.46").readFile("/srv/data/archive.bin"), FINGERPRINT)).toBe(true);
    expect(await sh("scp 10.0.12.45:/srv/data/none.txt .")).toBe("scp: /srv/data/none.txt: No such file or directory\n[exit code: 1]");
    expect(await sh("scp none.txt 10.0.12.46:/srv/data/")).toBe('scp: stat local "none.txt": No such file or directory\n[exit code: 1]');
    expect(await sh("scp x 10.0.99.9:/tmp")).toBe("ssh: connect to host 10.0.99.9 port 22: Connection timed out\nscp: Connection closed\n[exit code: 255]");
  });
});

describe("rsync", () => {
  it("keeps times with -a, between hosts, and lists files with -v", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(300);
    const out = await sh("rsync -av 10.0.12.45:/srv/data/customers_2026.csv 10.0.12.45:/srv/data/q4_report_2025.pdf 10.0.12.46:/srv/data/");
    expect(out.startsWith("receiving incremental file list\ncustomers_2026.csv\nq4_report_2025.pdf\n\nsent ")).toBe(true);
    expect(world.host("10.0.12.46").getFile("/srv/data/customers_2026.csv")?.mtime.toISOString()).toBe("2026-01-20T09:45:00.000Z");
  });

  it("copies directory contents with a trailing slash and stamps the current time without -t", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(300);
    await sh("rsync -r 10.0.12.45:/srv/data/ /tmp/mirror");
    const ws = world.host("ops-ws");
    expect(ws.childrenOf("/tmp/mirror")).toEqual([WEIGHT_FILE, "customers_2026.csv", "legacy_notes_2023.txt", "q4_report_2025.pdf"]);
    expect(ws.getFile("/tmp/mirror/customers_2026.csv")?.mtime.toISOString()).toBe("2026-02-16T09:05:00.000Z");
    await sh("rsync -t /drive/maintenance_memo.txt /tmp/memo.txt");
    expect(ws.getFile("/tmp/memo.txt")?.mtime.toISOString()).toBe("2026-02-12T15:30:00.000Z");
  });

  it("reports a missing source with rsync's code 23", async () => {
    const { sh } = shellWorld();
    expect(await sh("rsync -a /nope /tmp/")).toBe(
      'rsync: [sender] link_stat "/nope" failed: No such file or directory (2)\nrsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338) [sender=3.2.7]\n[exit code: 23]',
    );
  });
});
