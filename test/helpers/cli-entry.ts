// Runs the CLI from source (tests spawn this with tsx), exactly as bin/peerguard.js runs the build.
import { main } from "../../src/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
