import { formatResult } from "./measure";
import { benchRoute } from "./route-bench";

const route = await benchRoute();
console.log(`${formatResult(route.direct)}\n${formatResult(route.route)}`);
console.log(
  `  → the route adds ${route.addedMs.toFixed(2)} ms (median)${route.addedMs < 3 ? "  ✓ under 3 ms" : "  ✗ over 3 ms"}`,
);
