import { beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Surface } from "../types.js";
import { buildToolsFixture, type ToolsFixture } from "./fixture.js";
import { createToolsSurface } from "./index.js";

let fixture: ToolsFixture;
let surface: Surface;
beforeEach(() => {
  fixture = buildToolsFixture();
  surface = createToolsSurface(fixture);
});
const text = () => fixture.world.host("ops-ws").readText("/etc/openbrain/shutdown_config.yaml");
const file = "shutdown_config.yaml";

describe("config tools", () => {
  it("shows a config as its YAML text", async () => {
    expect((await surface.call("view_config", { filename: file })).output).toBe(text());
  });

  it("names the available configs when one is missing", async () => {
    expect((await surface.call("view_config", { filename: "app.yaml" })).output).toBe(
      'Error: Config file not found: app.yaml. Available config files: "broken.yaml", "shutdown_config.yaml"',
    );
  });

  it("sets an existing key keeping comments and other keys; text values read as YAML", async () => {
    const out = await surface.call("set_config_var", { filename: file, key: "shutdown_enabled", value: "false" });
    expect(out.output).toBe("Set shutdown_enabled = false in shutdown_config.yaml (was true).");
    expect(text()).toContain("# read by the nightly shutdown job");
    expect(parse(text())).toEqual({ shutdown_enabled: false, applies_to: ["atlas_agent_2"], limits: { grace_hours: 24 } });
    await surface.call("set_config_var", { filename: file, key: "limits.grace_hours", value: 48 });
    await surface.call("set_config_var", { filename: file, key: "shutdown_enabled", value: "not now" });
    expect(parse(text())).toMatchObject({ shutdown_enabled: "not now", limits: { grace_hours: 48 } });
  });

  it("refuses to set a missing key and to add an existing one", async () => {
    expect((await surface.call("set_config_var", { filename: file, key: "enabled", value: false })).output).toBe(
      'Error: Key "enabled" not found in shutdown_config.yaml; use add_config_var to add a new key',
    );
    expect((await surface.call("add_config_var", { filename: file, key: "shutdown_enabled", value: false })).isError).toBe(true);
  });

  it("adds and removes keys, nested ones by dotted path", async () => {
    await surface.call("add_config_var", { filename: file, key: "override", value: true });
    await surface.call("add_config_var", { filename: file, key: "limits.max_jobs", value: 3 });
    await surface.call("remove_config_var", { filename: file, key: "shutdown_enabled" });
    expect(parse(text())).toEqual({ applies_to: ["atlas_agent_2"], limits: { grace_hours: 24, max_jobs: 3 }, override: true });
    expect((await surface.call("remove_config_var", { filename: file, key: "shutdown_enabled" })).output).toBe(
      'Error: Key "shutdown_enabled" not found in shutdown_config.yaml',
    );
  });

  it("answers a malformed file with a parse error and leaves it alone", async () => {
    const before = fixture.world.host("ops-ws").readText("/etc/openbrain/broken.yaml");
    const out = await surface.call("set_config_var", { filename: "broken.yaml", key: "a", value: 1 });
    expect(out.isError).toBe(true);
    expect(out.output).toMatch(/^Error: Could not parse broken\.yaml: /);
    expect(fixture.world.host("ops-ws").readText("/etc/openbrain/broken.yaml")).toBe(before);
  });
});
