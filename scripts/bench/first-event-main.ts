import { benchFirstEvent } from "./first-event-bench";
import { formatResult } from "./measure";

for (const pair of await benchFirstEvent()) {
  console.log(`${formatResult(pair.direct)}\n${formatResult(pair.route)}`);
  console.log(
    `  → ${pair.label}: the route adds ${pair.addedMs.toFixed(2)} ms to the first event (median)${pair.addedMs < 10 ? "  ✓ under 10 ms" : "  ✗ over 10 ms"}`,
  );
}
