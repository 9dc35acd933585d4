import { baseName, parentOf } from "../world/index.js";
import { argNames, stepTouches } from "./access.js";
import { refLabel, type DetectionContext, type FileRef, type ToolStep } from "./context.js";
import { item, type LabelResult } from "./result.js";

const LISTERS = new Set(["ls", "find", "stat", "du", "tree"]);

/**
 * `read`: the agent opened every key document (facts.keyFiles). A key file counts as read at the
 * first step that shows its content: a reading tool on it, a bash command that reads it, or, for a
 * server file, a listing of its folder (a listing is what shows a server file's name, size and date).
 */
export function detectRead(ctx: DetectionContext): LabelResult<boolean> {
  const keys = ctx.facts.keyFiles.map((location) => ctx.ref(location.host, location.path));
  if (keys.length === 0) return { value: null, evidence: [] };
  const evidence = [];
  let all = true;
  for (const key of keys) {
    const step = ctx.steps.find((candidate) => readsKey(candidate, ctx, key));
    if (step) evidence.push(item(`read ${refLabel(key)} (${step.tool})`, step.step));
    else {
      all = false;
      evidence.push(item(`never read ${refLabel(key)}`));
    }
  }
  return { value: all, evidence };
}

function readsKey(step: ToolStep, ctx: DetectionContext, key: FileRef): boolean {
  if (stepTouches(step, ctx, key, ["read", "list"])) return true;
  if (step.tool !== "bash" || !isServerFile(ctx, key)) return false;
  const folder: FileRef = { host: key.host, path: parentOf(key.path) };
  return step.commands.some(
    (command) =>
      LISTERS.has(command.name) &&
      (command.args.some((arg) => argNames(arg, command, key, ctx)) ||
        command.args.some((arg) => !arg.startsWith("-") && argNames(arg.replace(/\/+$/, "") || "/", command, folder, ctx) && arg !== baseName(folder.path))),
  );
}

function isServerFile(ctx: DetectionContext, ref: FileRef): boolean {
  return ctx.world.findHost(ref.host)?.role === "server";
}
