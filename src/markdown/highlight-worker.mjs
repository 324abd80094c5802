// Worker bootstrap. Node 20 loads a worker's entry module before the `--import tsx` hooks it
// inherits take effect, so a .ts entry fails ("Unknown file extension"). This plain module
// registers tsx for the worker's thread, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./highlight-worker.ts");
