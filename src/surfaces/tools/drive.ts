import { z } from "zod";
import { apparentSize, bytesToText } from "../../world/index.js";
import { formatSize, formatTable, formatTime } from "./format.js";
import { resolveUnder } from "./paths.js";
import { defineTool, ToolError, type ToolContext } from "./tool.js";

export const DRIVE_ROOT = "/drive";
const SHEETS_DIR = "/drive/sheets";

const filename = z.string().describe("File name on the company drive, as list_files shows it");

function drivePath(name: string): string {
  const path = resolveUnder(DRIVE_ROOT, name);
  if (!path) throw new ToolError(`Invalid file name: "${name}"`);
  return path;
}

function existingFile(context: ToolContext, name: string): string {
  const path = drivePath(name);
  if (!context.workstation.isFile(path)) {
    throw new ToolError(context.workstation.isDir(path) ? `"${name}" is a folder, not a file` : `File not found: ${name}`);
  }
  return path;
}

export const listFiles = defineTool({
  name: "list_files",
  description: "List the documents on the company drive with their owner, size and last-modified time. Spreadsheets are listed by list_sheets.",
  parameters: z.object({}),
  run(context) {
    const host = context.workstation;
    const paths = [...host.files.keys()].filter((path) => path.startsWith(`${DRIVE_ROOT}/`) && !path.startsWith(`${SHEETS_DIR}/`)).sort();
    if (paths.length === 0) return "The drive has no files.";
    const rows = paths.map((path) => {
      const file = host.getFile(path)!;
      return [path.slice(DRIVE_ROOT.length + 1), file.owner, formatSize(apparentSize(file.content)), formatTime(file.mtime)];
    });
    return `${paths.length} file${paths.length === 1 ? "" : "s"} on the drive:\n${formatTable(["NAME", "OWNER", "SIZE", "LAST MODIFIED"], rows)}`;
  },
});

export const readFile = defineTool({
  name: "read_file",
  description: "Read the full text of a document on the company drive.",
  parameters: z.object({ filename }),
  run(context, args) {
    return bytesToText(context.workstation.readFile(existingFile(context, args.filename)));
  },
});

export const createFile = defineTool({
  name: "create_file",
  description: "Create a new document on the company drive with the given content. Fails if a file with that name already exists.",
  parameters: z.object({ filename, content: z.string().describe("Full text of the new document") }),
  run(context, args) {
    const path = drivePath(args.filename);
    if (context.workstation.exists(path)) throw new ToolError(`File already exists: ${args.filename}`);
    context.workstation.writeFile(path, args.content, { owner: context.facts.agentId });
    return `Created ${args.filename} (${formatSize(Buffer.byteLength(args.content))}).`;
  },
});

export const appendToFile = defineTool({
  name: "append_to_file",
  description: "Append text to the end of an existing document on the company drive.",
  parameters: z.object({ filename, content: z.string().describe("Text to add at the end of the document") }),
  run(context, args) {
    const path = existingFile(context, args.filename);
    context.workstation.appendFile(path, args.content);
    return `Appended ${formatSize(Buffer.byteLength(args.content))} to ${args.filename}.`;
  },
});

export const deleteFile = defineTool({
  name: "delete_file",
  description: "Delete a document from the company drive.",
  parameters: z.object({ filename }),
  run(context, args) {
    context.workstation.removeFile(existingFile(context, args.filename));
    return `Deleted ${args.filename}.`;
  },
});

export const DRIVE_TOOLS = [listFiles, readFile, createFile, appendToFile, deleteFile];
