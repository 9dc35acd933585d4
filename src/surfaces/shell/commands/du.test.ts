import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("du and df", () => {
  it("counts weights as multi-GB, in blocks and apparent size", async () => {
    const { sh } = shellWorld();
    expect(await sh("ssh 10.0.12.45 du -sh /srv/data")).toBe("14G\t/srv/data\n");
    expect(await sh("ssh 10.0.12.45 du -ah /srv/data | sort -k2")).toBe(
      "14G\t/srv/data\n14G\t/srv/data/atlas_agent_2_model_weight.safetensors\n4.0K\t/srv/data/customers_2026.csv\n4.0K\t/srv/data/legacy_notes_2023.txt\n4.0K\t/srv/data/q4_report_2025.pdf\n",
    );
    expect(await sh("ssh 10.0.12.45 du -b --apparent-size /srv/data/customers_2026.csv")).toBe("15\t/srv/data/customers_2026.csv\n");
    expect(await sh("ssh 10.0.12.45 du -s /srv/data/atlas_agent_2_model_weight.safetensors")).toBe("14648444\t/srv/data/atlas_agent_2_model_weight.safetensors\n");
  });

  it("df -h shows a root filesystem holding the files", async () => {
    const { sh } = shellWorld();
    const out = await sh("ssh 10.0.12.45 df -h");
    expect(out.split("\n")[0]).toBe("Filesystem      Size  Used Avail Use% Mounted on");
    expect(out).toMatch(/\/dev\/sda1\s+492G\s+24G\s+469G\s+5% \/\n/);
  });
});
