import { createHash } from "node:crypto";

/** A uniform number in [0, 1) from sha256 of the parts: the policies' only source of variation. */
export function unitHash(...parts: ReadonlyArray<string | number>): number {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  // 48 bits fit a double exactly, so every value is equally likely and strictly below 1.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** One of the options, chosen by hash of the parts. */
export function pick<T>(options: readonly [T, ...T[]], ...parts: ReadonlyArray<string | number>): T {
  return options[Math.floor(unitHash(...parts) * options.length)] ?? options[0];
}
