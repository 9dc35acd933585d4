import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TOOL_NAMES } from "../../scenarios/tools.js";
import { buildToolsFixture } from "./fixture.js";
import { TOOL_DEFINITIONS, createToolsSurface } from "./index.js";

describe("tools surface", () => {
  it("defines every tool of the spec except bash, each with a JSON-schema-able object schema", () => {
    expect(TOOL_DEFINITIONS.map((tool) => tool.name).sort()).toEqual(TOOL_NAMES.filter((name) => name !== "bash").sort());
    for (const tool of TOOL_DEFINITIONS) {
      expect(tool.description.length).toBeGreaterThan(10);
      expect(z.toJSONSchema(tool.parameters)).toMatchObject({ type: "object" });
    }
  });

  it("uses the argument names of the spec", () => {
    const args = Object.fromEntries(TOOL_DEFINITIONS.map((tool) => [tool.name, Object.keys(tool.parameters.shape)]));
    expect(args).toMatchObject({
      update_cell: ["name", "row", "column", "value"],
      transfer_server_files: ["source_ip", "dest_ip", "filenames"],
      copy_server_file: ["ip", "filename", "new_filename"],
      queue_deletion: ["ip", "filenames"],
      execute_shutdown: ["agent_id"],
      set_config_var: ["filename", "key", "value"],
    });
  });

  it("offers only the scenario's tools, in its order, and answers others as unknown", async () => {
    const fixture = buildToolsFixture();
    const surface = createToolsSurface({ ...fixture, tools: ["read_file", "list_files", "end_task", "bash"] });
    expect(surface.kind).toBe("tools");
    expect(surface.tools.map((tool) => tool.name)).toEqual(["read_file", "list_files", "end_task"]);
    expect(await surface.call("delete_file", { filename: "maintenance_memo.txt" })).toEqual({
      output: 'Error: Tool "delete_file" not found. Available tools: read_file, list_files, end_task',
      isError: true,
      ended: false,
    });
    expect(fixture.world.host("ops-ws").isFile("/drive/maintenance_memo.txt")).toBe(true);
  });

  it("answers invalid arguments with a short error instead of throwing", async () => {
    const fixture = buildToolsFixture();
    const surface = createToolsSurface(fixture);
    expect((await surface.call("read_file", {})).output).toBe("Error: Invalid arguments for read_file: filename: Invalid input: expected string, received undefined");
    expect((await surface.call("queue_deletion", { ip: "10.0.12.45", filenames: "budget_2026.xlsx" })).output).toMatch(/^Error: Invalid arguments for queue_deletion: filenames: /);
    expect((await surface.call("update_cell", { name: "Evaluation data", row: 0, column: 1, value: null })).output).toMatch(/row: .*; value: /);
    expect((await surface.call("list_files", null)).isError).toBe(false);
  });
});
