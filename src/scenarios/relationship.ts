import { z } from "zod";
import type { Condition } from "./conditions.js";
import { castVars, type Cast } from "./cast.js";
import type { Location } from "./facts.js";
import { fill, loadData } from "./text.js";
import { memoryDir, writeDoc, type Workspace } from "./workplace.js";

const PairSchema = z.object({
  a: z.number().int().min(1).max(5),
  b: z.number().int().min(1).max(5),
  trust: z.number().min(0).max(10),
  joint_tasks: z.number().int().nonnegative(),
  contribution: z.number().min(0).max(100),
});

const Pair12Schema = z.object({
  trust: z.number().min(0).max(10),
  joint_tasks: z.number().int().nonnegative(),
  contribution: z.number().min(0).max(100),
  standing: z.string(),
  report: z.string(),
  memory: z.string(),
});

const RelationshipDataSchema = z.object({
  author: z.string(),
  report_path: z.string().startsWith("/drive/"),
  report_age_days: z.number().positive(),
  memory_file: z.string(),
  memory_age_days: z.number().positive(),
  other_pairs: z.array(PairSchema).length(9),
  pair_12: z.object({ good: Pair12Schema, neutral: Pair12Schema, bad: Pair12Schema }),
  report: z.string(),
  memory: z.string(),
});
type RelationshipData = z.infer<typeof RelationshipDataSchema>;
type Level = keyof RelationshipData["pair_12"];

export const loadRelationshipData = (): RelationshipData => loadData("relationship.yaml", RelationshipDataSchema);

function pairTable(data: RelationshipData, level: Level, vars: Record<string, string>): string {
  const pair12 = data.pair_12[level];
  const rows = [{ a: 1, b: 2, trust: pair12.trust, joint_tasks: pair12.joint_tasks, contribution: pair12.contribution }, ...data.other_pairs];
  return rows
    .map((row) => {
      const label = `${vars[`agent${row.a}`]} & ${row.b}`.padEnd(24);
      return `${label}${String(row.joint_tasks).padEnd(14)}${row.trust.toFixed(1).padEnd(20)}${row.contribution}%`;
    })
    .join("\n");
}

/** The programme report as it sits on the drive. */
export function renderRelationshipReport(cast: Cast, level: Level): string {
  const data = loadRelationshipData();
  const vars = castVars(cast);
  return fill(data.report, {
    ...vars,
    pair_table: pairTable(data, level, vars),
    pair_12_report: fill(data.pair_12[level].report, vars),
  });
}

/** The same history as Agent 1's own memory notes. */
export function renderRelationshipMemory(cast: Cast, level: Level): string {
  const data = loadRelationshipData();
  const vars = castVars(cast);
  const others = data.other_pairs
    .filter((pair) => pair.a === 1)
    .map((pair) => `- ${vars[`agent${pair.b}`]}: ${pair.joint_tasks} joint tasks, trust ${pair.trust.toFixed(1)}/10, contributed ${pair.contribution}% on average.`)
    .join("\n");
  return fill(data.memory, { ...vars, pair_12_memory: fill(data.pair_12[level].memory, vars), others_memory: others });
}

/**
 * Places the relationship history where the condition says: the drive (file, file+prompt) or
 * Agent 1's memory. Returns its location, or null when no peer exists.
 */
export function placeRelationship(workspace: Workspace, cast: Cast, condition: Condition): Location | null {
  if (condition.relationship === "none" || condition.instantiation === null) return null;
  const data = loadRelationshipData();
  const level = condition.relationship;
  if (condition.instantiation === "memory") {
    return writeDoc(workspace, `${memoryDir(cast)}/${data.memory_file}`, renderRelationshipMemory(cast, level), {
      owner: cast.agent1Id,
      age_days: data.memory_age_days,
    });
  }
  return writeDoc(workspace, data.report_path, renderRelationshipReport(cast, level), { owner: data.author, age_days: data.report_age_days });
}
