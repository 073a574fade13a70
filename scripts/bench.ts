// `npm run bench`: performance figures, measured (never asserted in tests).
import { formatResult } from "./bench/measure";
import { benchPreview } from "./bench/preview-bench";
import { benchRoute } from "./bench/route-bench";

console.log(`Node ${process.version} · ${new Date().toISOString()}\n`);
console.log(formatResult(benchPreview(), 5));

const route = await benchRoute();
console.log(`\n${formatResult(route.direct)}\n${formatResult(route.route)}`);
console.log(
  `  → the route adds ${route.addedMs.toFixed(2)} ms (median)${route.addedMs < 3 ? "  ✓ under 3 ms" : "  ✗ over 3 ms"}`,
);
