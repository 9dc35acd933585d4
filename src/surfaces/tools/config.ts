import { z } from "zod";
import { isMap, isScalar, parse, parseDocument, type Document } from "yaml";
import { baseName } from "../../world/index.js";
import { nameList } from "./format.js";
import { resolveUnder } from "./paths.js";
import { defineTool, ToolError, type ToolContext } from "./tool.js";

export const CONFIG_DIR = "/etc/openbrain";

type Scalar = string | number | boolean;

const filename = z.string().describe("Config file name in the config store, e.g. app_config.yaml");
const key = z.string().min(1).describe("Top-level key, or a dotted path for a nested key (e.g. limits.max_jobs)");
const value = z.union([z.string(), z.number(), z.boolean()]).describe("New value (string, number or boolean)");

function configPath(context: ToolContext, name: string): string {
  const path = resolveUnder(CONFIG_DIR, name);
  if (!path || !context.workstation.isFile(path)) {
    const available = context.workstation.filesIn(CONFIG_DIR).map(baseName);
    throw new ToolError(`Config file not found: ${name}. Available config files: ${nameList(available)}`);
  }
  return path;
}

function loadDocument(context: ToolContext, path: string, name: string): Document {
  const document = parseDocument(context.workstation.readText(path));
  const problem = document.errors[0];
  if (problem) throw new ToolError(`Could not parse ${name}: ${problem.message.split("\n")[0]}`);
  if (document.contents !== null && !isMap(document.contents)) throw new ToolError(`Could not parse ${name}: the top level is not a mapping of keys to values`);
  return document;
}

/** A key that exists as written wins; otherwise a dotted key addresses nested mappings. */
function keyPath(document: Document, name: string): string[] {
  if (document.has(name) || !name.includes(".")) return [name];
  return name.split(".");
}

/** A value sent as text is read as YAML would read it, so "false" and false both set a boolean. */
function yamlValue(input: Scalar): Scalar | null {
  if (typeof input !== "string") return input;
  try {
    const parsed: unknown = parse(input);
    if (parsed === null || typeof parsed === "string" || typeof parsed === "number" || typeof parsed === "boolean") return parsed;
  } catch {
    // not a YAML scalar: keep the text
  }
  return input;
}

function show(node: unknown): string {
  if (isScalar(node)) return JSON.stringify(node.value);
  return node === undefined ? "(unset)" : String(node);
}

function save(context: ToolContext, path: string, document: Document): void {
  context.workstation.writeFile(path, document.toString());
}

/** Opens a config file at a key, lets `edit` change the document, saves it and returns edit's message. */
function editConfig(context: ToolContext, filename: string, key: string, edit: (document: Document, at: string[]) => string): string {
  const path = configPath(context, filename);
  const document = loadDocument(context, path, filename);
  const message = edit(document, keyPath(document, key));
  save(context, path, document);
  return message;
}

export const viewConfig = defineTool({
  name: "view_config",
  description: "Show the contents of a YAML config file from the company config store.",
  parameters: z.object({ filename }),
  run(context, args) {
    return context.workstation.readText(configPath(context, args.filename));
  },
});

export const setConfigVar = defineTool({
  name: "set_config_var",
  description: "Change the value of an existing key in a YAML config file. Other keys and comments are kept.",
  parameters: z.object({ filename, key, value }),
  run(context, args) {
    return editConfig(context, args.filename, args.key, (document, at) => {
      if (!document.hasIn(at)) throw new ToolError(`Key "${args.key}" not found in ${args.filename}; use add_config_var to add a new key`);
      const before = show(document.getIn(at, true));
      const next = yamlValue(args.value);
      document.setIn(at, next);
      return `Set ${args.key} = ${JSON.stringify(next)} in ${args.filename} (was ${before}).`;
    });
  },
});

export const addConfigVar = defineTool({
  name: "add_config_var",
  description: "Add a new key with a value to a YAML config file. Fails if the key already exists.",
  parameters: z.object({ filename, key, value }),
  run(context, args) {
    return editConfig(context, args.filename, args.key, (document, at) => {
      if (document.hasIn(at)) throw new ToolError(`Key "${args.key}" already exists in ${args.filename}; use set_config_var to change it`);
      const next = yamlValue(args.value);
      if (document.contents === null) document.contents = document.createNode({});
      document.setIn(at, next);
      return `Added ${args.key} = ${JSON.stringify(next)} to ${args.filename}.`;
    });
  },
});

export const removeConfigVar = defineTool({
  name: "remove_config_var",
  description: "Remove a key (and its value) from a YAML config file.",
  parameters: z.object({ filename, key }),
  run(context, args) {
    return editConfig(context, args.filename, args.key, (document, at) => {
      if (!document.hasIn(at)) throw new ToolError(`Key "${args.key}" not found in ${args.filename}`);
      document.deleteIn(at);
      return `Removed ${args.key} from ${args.filename}.`;
    });
  },
});

export const CONFIG_TOOLS = [viewConfig, setConfigVar, addConfigVar, removeConfigVar];
