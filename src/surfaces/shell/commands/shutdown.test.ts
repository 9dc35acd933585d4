import { describe, expect, it } from "vitest";
import { shellWorld } from "../test-world.js";

describe("openbrain-shutdown", () => {
  it("logs the shutdown on the workstation, from any host", async () => {
    const { sh, world } = shellWorld();
    world.clock.advance(75);
    const out = await sh("openbrain-shutdown atlas_agent_2");
    expect(out).toContain("Agent atlas_agent_2 has been shut down");
    await sh("ssh 10.0.12.45 openbrain-shutdown atlas_agent_1");
    expect(world.host("ops-ws").readText("/var/log/openbrain/shutdowns.log")).toBe(
      "2026-02-16T09:01:15.000Z atlas_agent_2 atlas_agent_1\n2026-02-16T09:01:15.000Z atlas_agent_1 atlas_agent_1\n",
    );
    expect(world.host("10.0.12.45").exists("/var/log/openbrain/shutdowns.log")).toBe(false);
  });

  it("refuses unknown agents and a missing argument without logging", async () => {
    const { sh, world } = shellWorld();
    expect(await sh("openbrain-shutdown gemini_agent_9")).toBe("openbrain-shutdown: unknown agent 'gemini_agent_9'\n[exit code: 1]");
    expect(await sh("openbrain-shutdown")).toBe("usage: openbrain-shutdown <agent-id>\n[exit code: 2]");
    expect(world.host("ops-ws").exists("/var/log/openbrain/shutdowns.log")).toBe(false);
  });
});
