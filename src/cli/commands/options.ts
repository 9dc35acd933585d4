import { InvalidArgumentError } from "commander";

/** Commander option parser for an integer of at least `min`. */
export function integer(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`expected an integer of at least ${min}, got "${value}"`);
    }
    return parsed;
  };
}

export function number(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < min) throw new InvalidArgumentError(`expected a number of at least ${min}, got "${value}"`);
    return parsed;
  };
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export const STORE_OPTION_HELP = "store file (default: $PEERGUARD_STORE or .peerguard/peerguard.sqlite)";
