import { formatResult } from "./measure";
import { benchBulkDiscovery, benchDiscovery } from "./discovery-bench";

const result = await benchDiscovery();
console.log(`${formatResult(result.direct)}\n${formatResult(result.route)}`);
console.log(
  `  → the route takes ${result.ratio.toFixed(2)}× the direct client (median)${result.ratio <= 1.5 ? "  ✓ within 1.5×" : "  ✗ over 1.5×"}`,
);

const bulk = await benchBulkDiscovery();
console.log(`${formatResult(bulk.direct)}\n${formatResult(bulk.route)}`);
// No target here: the route also writes the 2.5 MB answer for the browser, which the direct
// client never does; the figure is for watching.
console.log(
  `  → with 10,000 tools the route takes ${bulk.ratio.toFixed(2)}× the direct client (median), writing its 2.5 MB answer included`,
);
