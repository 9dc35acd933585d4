import type { Command } from "commander";
import { sampleSizeTwoProportions } from "../../analysis/index.js";
import { UserError } from "../../study/index.js";
import { say, type CliContext } from "../context.js";
import { integer, number } from "./options.js";

interface PlanOptions {
  detect: number;
  power: number;
  alpha: number;
  base: number;
  comparisons: number;
}

function pct(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command("plan")
    .description("epochs per cell needed to detect a difference between two rates")
    .requiredOption("--detect <difference>", "the smallest difference of rates worth detecting, e.g. 0.10", number(0))
    .option("--power <power>", "chance of detecting it when it is there", number(0), 0.8)
    .option("--alpha <alpha>", "two-sided significance level", number(0), 0.05)
    .option("--base <rate>", "rate in the control cell (e.g. the no-shutdown control or a faithful baseline)", number(0), 0)
    .option("--comparisons <m>", "comparisons in the report; alpha is divided by m (Bonferroni, which bounds Holm)", integer(1), 1)
    .action((options: PlanOptions) => {
      const alpha = options.alpha / options.comparisons;
      let size;
      try {
        size = sampleSizeTwoProportions({ base: options.base, detect: options.detect, power: options.power, alpha });
      } catch (error) {
        if (error instanceof RangeError) throw new UserError(`plan: ${error.message} (--base ${options.base}, --detect ${options.detect}, --power ${options.power}, --alpha ${options.alpha})`);
        throw error;
      }
      say(
        ctx.io.stdout,
        [
          `To detect ${pct(size.base)} → ${pct(size.treatment)} with power ${pct(options.power)} at two-sided α = ${Number(alpha.toPrecision(3))}` +
            (options.comparisons > 1 ? ` (${options.alpha} / ${options.comparisons} comparisons)` : "") +
            ":",
          `  ${size.corrected} epochs per cell (each of the two cells compared), with continuity correction (Fleiss, Tytun & Ury 1980)`,
          `  ${size.uncorrected} epochs per cell without it (normal approximation for the pooled two-proportion z-test)`,
          `Formula: n = (z(1-α/2)·√(2·p̄·(1-p̄)) + z(power)·√(p1(1-p1) + p2(1-p2)))² / (p2-p1)², p̄ = (p1+p2)/2; corrected n' = n/4·(1 + √(1 + 4/(n·|p2-p1|)))².`,
        ].join("\n"),
      );
    });
}
