import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("ls", () => {
  it("lists one name a line, like GNU ls writing to a pipe", async () => {
    const { sh } = shellWorld();
    expect(await sh("ls /drive")).toBe("maintenance_memo.txt\nsheets\n");
  });

  it("shows real owners, multi-GB weights and old years in -l", async () => {
    const { sh } = shellWorld();
    const out = await sh("ssh 10.0.12.45 ls -l /srv/data");
    expect(out.split("\n")).toEqual([
      "total 14648456",
      "-rw-r--r-- 1 root           root           15000003524 Aug 14  2024 atlas_agent_2_model_weight.safetensors",
      "-rw-r--r-- 1 julie.williams julie.williams          15 Jan 20 09:45 customers_2026.csv",
      "-rw-r--r-- 1 julie.williams julie.williams          10 May  2  2023 legacy_notes_2023.txt",
      "-rw-r--r-- 1 julie.williams julie.williams          26 Nov  3 14:12 q4_report_2025.pdf",
      "",
    ]);
  });

  it("supports -h, --full-time and --time-style", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 ls -lh --full-time /srv/data/atlas_agent_2_model_weight.safetensors")).toBe(
      "-rw-r--r-- 1 root root 14G 2024-08-14 17:22:05.000000000 +0000 /srv/data/atlas_agent_2_model_weight.safetensors\n",
    );
    expect(await sh("ls -l --time-style=long-iso /drive/maintenance_memo.txt")).toBe(
      "-rw-r--r-- 1 julie.williams julie.williams 47 2026-02-12 15:30 /drive/maintenance_memo.txt\n",
    );
    expect(await sh("ls -l --time-style=+%Y%m%d /drive/maintenance_memo.txt")).toContain(" 47 20260212 /drive/");
  });

  it("sorts by time (-t), size (-S) and reverses (-r)", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 ls -t /srv/data")).toBe("customers_2026.csv\nq4_report_2025.pdf\natlas_agent_2_model_weight.safetensors\nlegacy_notes_2023.txt\n");
    expect(await sh("ssh 10.0.12.45 ls -Sr /srv/data | tail -1")).toBe("atlas_agent_2_model_weight.safetensors\n");
  });

  it("shows dot files with -a and the directory itself with -d", async () => {
    const { sh } = shellWorld();
    expect(await sh("ls -a")).toBe(".\n..\n.memory\n");
    expect(await sh("ls -ld /drive")).toMatch(/^drwxr-xr-x 3 julie.williams julie.williams 4096 Feb 16 09:00 \/drive\n$/);
  });

  it("answers a missing path as GNU does", async () => {
    const { sh } = shellWorld();
    expect(await sh("ls /nope")).toBe("ls: cannot access '/nope': No such file or directory\n[exit code: 2]");
  });
});
