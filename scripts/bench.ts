// `npm run bench`: performance figures, measured (never asserted in tests).
import { benchPreview } from "./bench/preview-bench";
import { formatResult } from "./bench/measure";

console.log(`Node ${process.version} · ${new Date().toISOString()}\n`);
console.log(formatResult(benchPreview(), 5));
