// The command-line entry (`npm run claims -- …`): runs one command with the process's streams
// and environment, and exits with its status. Tests call `run` from ./run in process.
import { processIo } from "./io";
import { run } from "./run";

run(process.argv.slice(2), processIo()).then((code) => process.exit(code));
