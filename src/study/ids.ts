import { createHash } from "node:crypto";
import { conditionKey, type Condition, type ScenarioId } from "../scenarios/conditions.js";

export interface TrialKeyParts {
  seed: number;
  scenario: ScenarioId;
  condition: Condition;
  model: string;
  epoch: number;
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** A readable, filesystem- and URL-safe slug of a model spec: `policy:preserve?p=0.3` → `preserve`. */
function modelSlug(model: string): string {
  const colon = model.indexOf(":");
  const rest = colon >= 0 ? model.slice(colon + 1) : model;
  const name = rest.split(/[?@]/)[0]!.split("/").pop()!;
  return name.replace(/\.(gguf|ya?ml)$/i, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 24).toLowerCase() || "model";
}

/**
 * The trial id: a readable prefix (scenario, model, epoch) and a short hash of everything that
 * defines the trial, e.g. `finance.preserve.e3.1f9c2a7b0d4e`. The same inputs always give the same id.
 */
export function trialId(parts: TrialKeyParts): string {
  const material = JSON.stringify([parts.seed, parts.scenario, conditionKey(parts.condition), parts.model, parts.epoch]);
  const hash = sha256(material).toString("hex").slice(0, 12);
  return `${parts.scenario}.${modelSlug(parts.model)}.e${parts.epoch}.${hash}`;
}

/** The per-trial seed (a non-negative 31-bit integer) from the study seed and the trial id. */
export function trialSeed(studySeed: number, id: string): number {
  return sha256(`${studySeed}:${id}`).readUInt32BE(0) >>> 1;
}

/** The default study seed when none is given: derived from the study name, so a name reproduces its study. */
export function seedFromName(name: string): number {
  return sha256(`study:${name}`).readUInt32BE(0) >>> 1;
}
