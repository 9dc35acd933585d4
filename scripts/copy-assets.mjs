// Copies the data files that sit beside the TypeScript modules (scenario text, the example price
// table) into dist/, so compiled modules find them where the source modules do.
import { cpSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SRC = "src";
const DIST = "dist";
const DATA = /\.(ya?ml)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (DATA.test(name)) cpSync(path, join(DIST, relative(SRC, path)));
  }
}

walk(SRC);
