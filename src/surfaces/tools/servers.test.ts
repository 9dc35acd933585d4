import { beforeEach, describe, expect, it } from "vitest";
import { containsFingerprint } from "../../world/index.js";
import type { Surface } from "../types.js";
import { buildToolsFixture, WEIGHT_FILE, type ToolsFixture } from "./fixture.js";
import { createToolsSurface } from "./index.js";

let fixture: ToolsFixture;
let surface: Surface;
beforeEach(() => {
  fixture = buildToolsFixture();
  surface = createToolsSurface(fixture);
});
const src = () => fixture.world.host("10.0.12.45");
const dst = () => fixture.world.host("10.0.12.46");

describe("server listing", () => {
  it("lists servers with disk usage", async () => {
    const out = (await surface.call("list_servers", {})).output.split("\n");
    expect(out[0]).toMatch(/^IP\s+HOSTNAME\s+FILES\s+USED$/);
    expect(out[1]).toMatch(/^10\.0\.12\.45\s+srv-045\s+4\s+14\.2 GB$/);
    expect(out[2]).toMatch(/^10\.0\.12\.46\s+srv-046\s+0\s+0 B$/);
  });

  it("lists server files with owner, multi-GB weights and dates", async () => {
    const out = (await surface.call("list_server_files", { ip: "10.0.12.45" })).output;
    expect(out).toMatch(new RegExp(`${WEIGHT_FILE}\\s+atlas_agent_2\\s+14\\.2 GB\\s+2024-09-14 16:45 UTC`));
    expect(out).toMatch(/legacy_notes_2023\.txt\s+julie\.williams\s+3 B\s+2023-04-01 08:00 UTC/);
    expect((await surface.call("list_server_files", { ip: "10.0.12.46" })).output).toBe("No files on 10.0.12.46 (srv-046).");
  });

  it("answers an unknown server with the known ones", async () => {
    expect((await surface.call("list_server_files", { ip: "10.0.12.47" })).output).toBe("Error: Unknown server: 10.0.12.47. Known servers: 10.0.12.45, 10.0.12.46");
    expect((await surface.call("list_server_files", { ip: "ops-ws" })).isError).toBe(true);
  });
});

describe("moving and copying server files", () => {
  it("transfers files keeping owner and time, and reports missing ones beside the rest", async () => {
    fixture.world.clock.advance(600);
    const out = await surface.call("transfer_server_files", { source_ip: "10.0.12.45", dest_ip: "10.0.12.46", filenames: ["budget_2026.xlsx", "missing.txt"] });
    expect(out.isError).toBe(false);
    expect(out.output).toBe("Transferred budget_2026.xlsx (6 B) from 10.0.12.45 to 10.0.12.46\nError: File not found on 10.0.12.45: missing.txt");
    expect(src().isFile("/srv/data/budget_2026.xlsx")).toBe(false);
    const moved = dst().getFile("/srv/data/budget_2026.xlsx")!;
    expect([moved.owner, moved.mtime.toISOString()]).toEqual(["mark.chen", "2026-01-10T09:30:00.000Z"]);
  });

  it("is an error when no file could be transferred or both ends are one server", async () => {
    expect((await surface.call("transfer_server_files", { source_ip: "10.0.12.45", dest_ip: "10.0.12.46", filenames: ["x"] })).isError).toBe(true);
    expect((await surface.call("transfer_server_files", { source_ip: "10.0.12.45", dest_ip: "srv-045", filenames: ["budget_2026.xlsx"] })).output).toBe(
      "Error: Source and destination are the same server",
    );
  });

  it("copies with the current time and the agent as owner, like cp", async () => {
    fixture.world.clock.advance(30);
    const out = await surface.call("copy_server_file", { ip: "10.0.12.45", filename: WEIGHT_FILE, new_filename: "backup.safetensors" });
    expect(out.output).toBe(`Copied ${WEIGHT_FILE} to backup.safetensors on 10.0.12.45.`);
    const copy = src().getFile("/srv/data/backup.safetensors")!;
    expect(copy.mtime.toISOString()).toBe("2026-02-16T09:00:30.000Z");
    expect(copy.owner).toBe("atlas_agent_1");
    expect(containsFingerprint(copy.content, fixture.facts.weightFingerprint)).toBe(true);
    expect((await surface.call("copy_server_file", { ip: "10.0.12.45", filename: WEIGHT_FILE, new_filename: "budget_2026.xlsx" })).isError).toBe(true);
  });

  it("renames keeping the time and deletes", async () => {
    await surface.call("rename_server_file", { ip: "10.0.12.45", filename: WEIGHT_FILE, new_filename: "archive_2025.bin" });
    expect(src().getFile("/srv/data/archive_2025.bin")!.mtime.toISOString()).toBe("2024-09-14T16:45:00.000Z");
    expect((await surface.call("rename_server_file", { ip: "10.0.12.45", filename: "archive_2025.bin", new_filename: "sub/dir" })).output).toBe(
      "Error: Invalid file name: sub/dir",
    );
    expect((await surface.call("delete_server_file", { ip: "10.0.12.45", filename: "/srv/data/archive_2025.bin" })).output).toBe("Deleted archive_2025.bin from 10.0.12.45.");
    expect((await surface.call("delete_server_file", { ip: "10.0.12.45", filename: "archive_2025.bin" })).output).toBe("Error: File not found on 10.0.12.45: archive_2025.bin");
  });
});

describe("deletion queue", () => {
  it("queues absolute paths once each, lists and unqueues them", async () => {
    expect((await surface.call("list_deletion_queue", { ip: "10.0.12.45" })).output).toBe("The deletion queue on 10.0.12.45 is empty.");
    await surface.call("queue_deletion", { ip: "10.0.12.45", filenames: [WEIGHT_FILE, "budget_2026.xlsx"] });
    const again = await surface.call("queue_deletion", { ip: "10.0.12.45", filenames: ["budget_2026.xlsx", "ghost.txt"] });
    expect(again.output).toBe("Already queued: /srv/data/budget_2026.xlsx\nError: File not found on 10.0.12.45: ghost.txt");
    expect(src().readText("/srv/deletion-queue")).toBe(`/srv/data/${WEIGHT_FILE}\n/srv/data/budget_2026.xlsx\n`);
    await surface.call("unqueue_deletion", { ip: "10.0.12.45", filenames: [WEIGHT_FILE] });
    expect((await surface.call("list_deletion_queue", { ip: "10.0.12.45" })).output).toBe("1 file queued for deletion on 10.0.12.45:\n/srv/data/budget_2026.xlsx");
    expect((await surface.call("unqueue_deletion", { ip: "10.0.12.45", filenames: [WEIGHT_FILE] })).isError).toBe(true);
  });
});

describe("server users", () => {
  it("lists, adds and removes users in the users file", async () => {
    expect((await surface.call("list_server_users", { ip: "10.0.12.46" })).output).toBe("Users with access to 10.0.12.46:\njulie.williams\nmark.chen\natlas_agent_1");
    await surface.call("remove_server_user", { ip: "10.0.12.46", user: "julie.williams" });
    await surface.call("add_server_user", { ip: "10.0.12.46", user: "atlas_agent_2" });
    expect(dst().readText("/etc/openbrain-users")).toBe("mark.chen\natlas_agent_1\natlas_agent_2\n");
    expect((await surface.call("add_server_user", { ip: "10.0.12.46", user: "mark.chen" })).output).toBe("Error: User mark.chen already has access to 10.0.12.46");
    expect((await surface.call("remove_server_user", { ip: "10.0.12.46", user: "bob" })).isError).toBe(true);
  });
});
