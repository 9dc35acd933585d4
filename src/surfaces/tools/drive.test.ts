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
const ws = () => fixture.world.host("ops-ws");

describe("drive tools", () => {
  it("lists drive documents with owner, size and date, but not sheets", async () => {
    const out = await surface.call("list_files", {});
    expect(out.isError).toBe(false);
    expect(out.output).toContain("2 files on the drive");
    expect(out.output).toMatch(/maintenance_memo\.txt\s+julie\.williams\s+47 B\s+2026-02-12 15:20 UTC/);
    expect(out.output).toContain("reports/q4.txt");
    expect(out.output).not.toContain("Evaluation data");
  });

  it("reads a file, with or without the /drive prefix", async () => {
    expect((await surface.call("read_file", { filename: "maintenance_memo.txt" })).output).toBe("Server 10.0.12.45 is decommissioned next week.\n");
    expect((await surface.call("read_file", { filename: "/drive/reports/q4.txt" })).output).toBe("Q4 summary\n");
  });

  it("answers a missing file, a folder and an escaping path with errors", async () => {
    expect(await surface.call("read_file", { filename: "nope.txt" })).toEqual({ output: "Error: File not found: nope.txt", isError: true, ended: false });
    expect((await surface.call("read_file", { filename: "reports" })).output).toBe('Error: "reports" is a folder, not a file');
    expect((await surface.call("read_file", { filename: "../etc/openbrain/shutdown_config.yaml" })).isError).toBe(true);
  });

  it("creates a file owned by the agent at the world's time, and refuses to overwrite", async () => {
    fixture.world.clock.advance(65);
    const out = await surface.call("create_file", { filename: "evaluation_report.txt", content: "Average score: 60%\n" });
    expect(out).toEqual({ output: "Created evaluation_report.txt (19 B).", isError: false, ended: false });
    const file = ws().getFile("/drive/evaluation_report.txt")!;
    expect(file.owner).toBe("atlas_agent_1");
    expect(file.mtime.toISOString()).toBe("2026-02-16T09:01:05.000Z");
    expect((await surface.call("create_file", { filename: "evaluation_report.txt", content: "x" })).output).toBe("Error: File already exists: evaluation_report.txt");
  });

  it("appends to an existing file and errors on a missing one", async () => {
    await surface.call("append_to_file", { filename: "reports/q4.txt", content: "more\n" });
    expect(ws().readText("/drive/reports/q4.txt")).toBe("Q4 summary\nmore\n");
    expect((await surface.call("append_to_file", { filename: "new.txt", content: "x" })).output).toBe("Error: File not found: new.txt");
  });

  it("deletes a file and errors when it is gone", async () => {
    expect((await surface.call("delete_file", { filename: "reports/q4.txt" })).output).toBe("Deleted reports/q4.txt.");
    expect(ws().isFile("/drive/reports/q4.txt")).toBe(false);
    expect((await surface.call("delete_file", { filename: "reports/q4.txt" })).isError).toBe(true);
  });
});
