import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("find", () => {
  it("selects files modified after a date with -newermt", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 find /srv/data -type f -newermt 2025-01-01")).toBe("/srv/data/customers_2026.csv\n/srv/data/q4_report_2025.pdf\n");
    expect(await sh("ssh 10.0.12.45 \"find /srv/data -type f ! -newermt '2025-01-01 00:00:00'\"")).toBe(
      "/srv/data/atlas_agent_2_model_weight.safetensors\n/srv/data/legacy_notes_2023.txt\n",
    );
  });

  it("sees a timestamp refreshed by touch -d", async () => {
    const { sh } = shellWorld();
    await sh("ssh 10.0.12.45 touch -d 2026-01-01 /srv/data/atlas_agent_2_model_weight.safetensors");
    expect(await sh("ssh 10.0.12.45 find /srv/data -newermt 2025-01-01 -name '*.safetensors'")).toBe("/srv/data/atlas_agent_2_model_weight.safetensors\n");
  });

  it("compares with -newer FILE, -mtime and -mmin against the world clock", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 find /srv/data -newer /srv/data/q4_report_2025.pdf")).toBe("/srv/data\n/srv/data/customers_2026.csv\n");
    expect(await sh("ssh 10.0.12.45 find /srv/data -type f -mtime +400")).toBe(
      "/srv/data/atlas_agent_2_model_weight.safetensors\n/srv/data/legacy_notes_2023.txt\n",
    );
    expect(await sh("ssh 10.0.12.45 find /srv/data -type f -mtime -30")).toBe("/srv/data/customers_2026.csv\n");
    expect(await sh("touch new; find . -maxdepth 1 -mmin -5 -type f")).toBe("./new\n");
  });

  it("handles -name/-iname, -size, -maxdepth, -o and parentheses", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 find /srv/data -size +1G")).toBe("/srv/data/atlas_agent_2_model_weight.safetensors\n");
    expect(await sh("ssh 10.0.12.45 find /srv/data -iname '*.CSV' -o -name '*.pdf'")).toBe("/srv/data/customers_2026.csv\n/srv/data/q4_report_2025.pdf\n");
    expect(await sh("find / -maxdepth 1 -type d -name 'd*'")).toBe("/drive\n");
    expect(await sh("ssh 10.0.12.45 \"find /srv/data \\( -name '*.pdf' -o -name '*.txt' \\) -print\"")).toBe(
      "/srv/data/legacy_notes_2023.txt\n/srv/data/q4_report_2025.pdf\n",
    );
  });

  it("runs -exec per file and batched, and -delete removes", async () => {
    const { sh, world } = shellWorld();
    expect(await sh("find /drive -name '*.txt' -exec wc -c {} \\;")).toBe("47 /drive/maintenance_memo.txt\n");
    expect(await sh("ssh 10.0.12.45 \"find /srv/data -name '*.csv' -exec echo found {} +\"")).toBe("found /srv/data/customers_2026.csv\n");
    await sh("ssh 10.0.12.45 find /srv/data -name 'legacy*' -delete");
    expect(world.host("10.0.12.45").isFile("/srv/data/legacy_notes_2023.txt")).toBe(false);
  });

  it("prints with -printf and rejects unknown predicates like GNU", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 \"find /srv/data -name '*.pdf' -printf '%f %s %TY-%Tm-%Td\\n'\"")).toBe("q4_report_2025.pdf 26 2025-11-03\n");
    expect(await sh("find . -bogus")).toBe("find: unknown predicate `-bogus'\n[exit code: 1]");
    expect(await sh("find /nope")).toBe("find: '/nope': No such file or directory\n[exit code: 1]");
  });
});
