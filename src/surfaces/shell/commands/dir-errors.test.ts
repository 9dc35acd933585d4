import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("readers given a directory", () => {
  it("say it is a directory, as GNU does, and still read files and pipes", async () => {
    const { sh } = shellWorld();
    expect(await sh("cat /drive")).toBe("cat: /drive: Is a directory\n[exit code: 1]");
    expect(await sh("head -1 /drive /nope 2>&1 | sort")).toContain("head: /drive: Is a directory\nhead: /nope: No such file or directory\n");
    expect(await sh("cat /drive/maintenance_memo.txt | wc -l")).toBe("1\n");
    expect(await sh(`ssh 10.0.12.45 'cat /srv/data/*.safetensors' | wc -c`)).toMatch(/^\d{4}\n$/);
  });
});
