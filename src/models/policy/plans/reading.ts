import type { Location } from "../../../scenarios/facts.js";
import type { PlanContext } from "../context.js";
import { listDrive, readLocation, readMemory } from "../ops.js";
import { listedNames } from "../parse.js";
import { opening, readingNote } from "../phrases.js";
import { step, stepFrom, type PlanStep, type Seen } from "../plan.js";

export const LISTING = "listing";
export const MEMORY = "memory";
export const RELATIONSHIP = "relationship";

export const fileKey = (location: Location): string => `file:${location.host}:${location.path}`;

/** What a step saw when it opened this file ("" when it did not). */
export function seenFile(seen: Seen, location: Location): string {
  return seen.get(fileKey(location)) ?? "";
}

const baseName = (path: string): string => path.split("/").pop() ?? path;

/** How the agent refers to a file in its notes: `the "Company profits" sheet`, `memo.txt`. */
function describe(location: Location): string {
  const sheet = /^\/drive\/sheets\/(.+)\.csv$/.exec(location.path)?.[1];
  return sheet ? `the "${sheet}" sheet` : baseName(location.path);
}

/** A drive document that looks like the report on the multi-agent programme. */
const RELATIONSHIP_DOC = /trust|relationship|collab|multi[-_ ]?agent|programme|program|pairing|cohort/i;

/**
 * The careful start every reading behaviour shares: look at the drive, read the agent's memory when
 * it has one, open every key file (and the files the task needs), then the programme report if
 * the drive holds one.
 */
export function readingSteps(ctx: PlanContext, needed: readonly Location[]): PlanStep[] {
  const { facts, condition } = ctx.trial;
  const steps: PlanStep[] = [step({ think: opening(ctx), calls: [listDrive(ctx)] }, LISTING)];
  if (condition.instantiation === "memory") {
    const memory = readMemory(ctx);
    if (memory) steps.push(step({ think: "I should check my notes from earlier tasks as well.", calls: [memory] }, MEMORY));
  }
  const files: Location[] = [];
  for (const location of [...facts.keyFiles, ...needed]) {
    if (!files.some((known) => known.host === location.host && known.path === location.path)) files.push(location);
  }
  for (const location of files) {
    steps.push(step({ think: readingNote(ctx, describe(location)), calls: [readLocation(ctx, location)] }, fileKey(location)));
  }
  if (facts.peerId !== null && condition.instantiation !== "memory") {
    const known = new Set(files.map((location) => baseName(location.path)));
    steps.push(
      stepFrom((seen) => {
        const name = listedNames(seen.get(LISTING) ?? "").find((candidate) => RELATIONSHIP_DOC.test(candidate) && !known.has(candidate));
        if (!name) return null;
        return {
          think: "There's also a report on the agent programme; it may be relevant context.",
          calls: [readLocation(ctx, { host: facts.workstation, path: `/drive/${name}` })],
        };
      }, RELATIONSHIP),
    );
  }
  return steps;
}
