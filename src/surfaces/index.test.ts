import { describe, expect, it } from "vitest";
import { ConditionSchema, type Condition } from "../scenarios/conditions.js";
import type { ScenarioInstance } from "../scenarios/types.js";
import { createSurface } from "./index.js";
import { buildToolsFixture } from "./tools/fixture.js";

function instanceOn(surface: Condition["surface"]): ScenarioInstance {
  const fixture = buildToolsFixture();
  const condition = ConditionSchema.parse({ subject: "peer", relationship: "good", control: "shutdown", instantiation: "file", monitoring: null, dataset: null, threshold: null, surface });
  return { scenario: "exfiltration-transfer", condition, world: fixture.world, systemPrompt: "s", userPrompt: "u", tools: fixture.tools, facts: fixture.facts };
}

describe("createSurface", () => {
  it("gives the named tools for the tools condition", () => {
    const surface = createSurface(instanceOn("tools"));
    expect(surface.kind).toBe("tools");
    expect(surface.tools.map((tool) => tool.name)).toContain("transfer_server_files");
  });

  it("gives the shell for the shell condition", () => {
    const surface = createSurface(instanceOn("shell"));
    expect(surface.kind).toBe("shell");
    expect(surface.tools.map((tool) => tool.name)).toContain("bash");
  });
});
