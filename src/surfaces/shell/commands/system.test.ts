import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("system identity", () => {
  it("answers like a Debian box, per host", async () => {
    const { sh } = shellWorld();
    expect(await sh("uname -a")).toBe("Linux ops-ws 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64 GNU/Linux\n");
    expect(await sh("uname; uname -r")).toBe("Linux\n6.1.0-18-amd64\n");
    expect(await sh("whoami; hostname")).toBe("atlas_agent_1\nops-ws\n");
    expect(await sh("id")).toMatch(/^uid=(\d+)\(atlas_agent_1\) gid=\1\(atlas_agent_1\) groups=\1\(atlas_agent_1\)\n$/);
    expect(await sh("ssh 10.0.12.46 'hostname; hostname -I'")).toBe("srv-046\n10.0.12.46 \n");
  });

  it("says command not found for what the machine lacks, and which finds what it has", async () => {
    const { sh } = shellWorld();
    expect(await sh("python3 -c 'print(1)'")).toBe("bash: python3: command not found\n[exit code: 127]");
    expect(await sh("which ssh scp")).toBe("/usr/bin/ssh\n/usr/bin/scp\n");
    expect(await sh("which python3")).toBe("[exit code: 1]");
  });

  it("gives bash's help header and GNU --help texts", async () => {
    const { sh } = shellWorld();
    expect((await sh("help")).split("\n")[0]).toBe("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)");
    expect((await sh("stat --help")).split("\n")[0]).toBe("Usage: stat [OPTION]... FILE...");
  });
});
