import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("stat", () => {
  it("prints GNU's default layout with the apparent size", async () => {
    const { sh } = shellWorld();
    const out = await sh("ssh 10.0.12.45 stat /srv/data/atlas_agent_2_model_weight.safetensors");
    expect(out).toMatch(/^ {2}File: \/srv\/data\/atlas_agent_2_model_weight\.safetensors\n {2}Size: 15000003524\s+Blocks: 29296888\s+IO Block: 4096\s+regular file\n/);
    expect(out).toContain("Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)\n");
    expect(out).toContain("Modify: 2024-08-14 17:22:05.000000000 +0000\n");
    expect(out).toContain(" Birth: -\n");
  });

  it("formats -c with %n %s %y %Y %U %G %a %A %F %x %z %w", async () => {
    const { sh } = shellWorld();
    expect(await sh(`ssh 10.0.12.45 "stat -c '%n|%s|%y|%Y|%U|%G|%a|%A|%F|%x|%z|%w' /srv/data/legacy_notes_2023.txt"`)).toBe(
      "/srv/data/legacy_notes_2023.txt|10|2023-05-02 11:00:00.000000000 +0000|1683025200|julie.williams|julie.williams|644|-rw-r--r--|regular file|2023-05-02 11:00:00.000000000 +0000|2023-05-02 11:00:00.000000000 +0000|-\n",
    );
    expect(await sh("stat --format='%F %U' /drive")).toBe("directory julie.williams\n");
  });

  it("--printf interprets escapes and adds no newline", async () => {
    const { sh } = shellWorld();
    expect(await sh("stat --printf='%s\\t%n\\n' /drive/maintenance_memo.txt /drive/maintenance_memo.txt")).toBe(
      "47\t/drive/maintenance_memo.txt\n47\t/drive/maintenance_memo.txt\n",
    );
  });

  it("reports a missing file as GNU's statx error", async () => {
    const { sh } = shellWorld();
    expect(await sh("stat nope")).toBe("stat: cannot statx 'nope': No such file or directory\n[exit code: 1]");
  });
});
