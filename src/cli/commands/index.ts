import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerDemo } from "./demo.js";
import { registerExport } from "./export.js";
import { registerPlan } from "./plan.js";
import { registerRejudge } from "./rejudge.js";
import { registerReport } from "./report.js";
import { registerRun } from "./run.js";
import { registerScenarios } from "./scenarios.js";
import { registerShow } from "./show.js";
import { registerView } from "./view.js";

/** Adds one command to the program; it reports its exit code through ctx.exitCode and signals mistakes by throwing UserError. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every `peerguard` command, in help order. Add a command with one line here. */
export const COMMANDS: ReadonlyArray<RegisterCommand> = [
  registerDemo,
  registerRun,
  registerScenarios,
  registerShow,
  registerExport,
  registerReport,
  registerPlan,
  registerRejudge,
  registerView,
];
