// Hundreds of requests from one client: far above the rate limit, which is not what is measured.
process.env.PLAYGROUND_RATE_LIMIT ??= "1000000";

import { formatResult } from "./measure";
import { benchRoute } from "./route-bench";

const route = await benchRoute();
console.log(`${formatResult(route.direct)}\n${formatResult(route.route)}`);
console.log(
  `  → the route adds ${route.addedMs.toFixed(2)} ms (median)${route.addedMs < 3 ? "  ✓ under 3 ms" : "  ✗ over 3 ms"}`,
);
console.log(`${formatResult(route.unguarded)}\n${formatResult(route.guarded)}`);
console.log(
  `  → the guard adds ${route.guardMs.toFixed(2)} ms (median)${route.guardMs < 1 ? "  ✓ under 1 ms" : "  ✗ over 1 ms"}`,
);
