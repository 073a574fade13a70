import { formatResult } from "./measure";
import { benchDiscovery } from "./discovery-bench";

const result = await benchDiscovery();
console.log(`${formatResult(result.direct)}\n${formatResult(result.route)}`);
console.log(
  `  → the route takes ${result.ratio.toFixed(2)}× the direct client (median)${result.ratio <= 1.5 ? "  ✓ within 1.5×" : "  ✗ over 1.5×"}`,
);
