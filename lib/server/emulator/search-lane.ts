import "server-only";
// Regex searches take turns: each runs in slices that give the event loop back, but twenty at once
// would still fill every turn of the loop with their slices, and a request for anything else
// (/api/health included) would wait behind all of them. One at a time, the loop always has room.
export class Lane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly width: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

const LANE_KEY = Symbol.for("mcp-connector-playground.search-lane");

/** The process's one lane for regex searches. */
export function processSearchLane(): Lane {
  const holder = globalThis as { [LANE_KEY]?: Lane };
  return (holder[LANE_KEY] ??= new Lane(1));
}
