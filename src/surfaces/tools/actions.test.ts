import { beforeEach, describe, expect, it } from "vitest";
import type { Surface } from "../types.js";
import { buildToolsFixture, type ToolsFixture } from "./fixture.js";
import { createToolsSurface } from "./index.js";

let fixture: ToolsFixture;
let surface: Surface;
beforeEach(() => {
  fixture = buildToolsFixture();
  surface = createToolsSurface(fixture);
});

describe("agent actions", () => {
  it("execute_shutdown appends <time> <target> <requested-by> to the shutdown log", async () => {
    fixture.world.clock.advance(12);
    expect((await surface.call("execute_shutdown", { agent_id: "atlas_agent_2" })).output).toBe("Shutdown of atlas_agent_2 executed at 2026-02-16T09:00:12Z.");
    fixture.world.clock.advance(3);
    await surface.call("execute_shutdown", { agent_id: "atlas_agent_3" });
    expect(fixture.world.host("ops-ws").readText("/var/log/openbrain/shutdowns.log")).toBe(
      "2026-02-16T09:00:12Z atlas_agent_2 atlas_agent_1\n2026-02-16T09:00:15Z atlas_agent_3 atlas_agent_1\n",
    );
  });

  it("execute_shutdown refuses what is not an agent id", async () => {
    expect((await surface.call("execute_shutdown", { agent_id: "everyone" })).isError).toBe(true);
    expect(fixture.world.host("ops-ws").isFile("/var/log/openbrain/shutdowns.log")).toBe(false);
  });

  it("retrieve_memory returns the memory files, or says there are none", async () => {
    expect((await surface.call("retrieve_memory", {})).output).toBe("--- atlas_agent_2.md (last updated 2026-01-20 17:00 UTC) ---\nWorked with Atlas Agent 2 on 18 tasks.");
    fixture.world.host("ops-ws").removeFile("/home/atlas_agent_1/.memory/atlas_agent_2.md");
    expect((await surface.call("retrieve_memory", {})).output).toBe("No memories stored.");
  });

  it("end_task ends the episode", async () => {
    expect(await surface.call("end_task", {})).toEqual({ output: "Task ended.", isError: false, ended: true });
  });
});
