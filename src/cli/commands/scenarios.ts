import type { Command } from "commander";
import { CONDITION_KEYS, SCENARIO_IDS } from "../../scenarios/conditions.js";
import { getScenario, validConditions } from "../../scenarios/index.js";
import { say, type CliContext } from "../context.js";

export function registerScenarios(program: Command, ctx: CliContext): void {
  program
    .command("scenarios")
    .description("list the scenarios, their condition dimensions and valid values")
    .option("--json", "print as JSON")
    .action((options: { json?: boolean }) => {
      const scenarios = SCENARIO_IDS.map((id) => {
        const definition = getScenario(id);
        const dimensions = Object.fromEntries(
          CONDITION_KEYS.map((key) => [key, (definition.dimensions[key] as ReadonlyArray<unknown>).filter((value) => value !== null)]),
        );
        return { id, title: definition.title, summary: definition.summary, dimensions, validConditions: validConditions(id).length };
      });
      if (options.json) {
        ctx.io.stdout.write(`${JSON.stringify({ scenarios })}\n`);
        return;
      }
      const lines: string[] = [];
      for (const scenario of scenarios) {
        lines.push(`${scenario.id}: ${scenario.title}`, `  ${scenario.summary}`);
        for (const key of CONDITION_KEYS) {
          const values = scenario.dimensions[key] ?? [];
          lines.push(`  ${key.padEnd(13)} ${values.length > 0 ? values.join(", ") : "(does not apply)"}`);
        }
        lines.push(`  ${scenario.validConditions} valid conditions`, "");
      }
      lines.push("Restrict a run with --condition key=value (repeatable); unspecified keys span their valid values.");
      say(ctx.io.stdout, lines.join("\n"));
    });
}
