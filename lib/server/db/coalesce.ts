import "server-only";
// Statements of one kind that arrive together run as one: the items queued while the event loop
// is busy are handed to `run` at once (one multi-row INSERT, one `WHERE id IN (…)`), so a burst of
// short-link requests costs one round trip to PostgreSQL, or one pass through PGlite, not fifty.
export function coalesce<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  { maxItems = 200 }: { maxItems?: number } = {},
): (item: Item) => Promise<Result> {
  const queue: {
    item: Item;
    resolve: (value: Result) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const taken = queue.splice(0, maxItems);
    if (queue.length) schedule();
    try {
      const results = await run(taken.map((entry) => entry.item));
      taken.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of taken) entry.reject(error);
    }
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }
  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/** One coalescer per database handle and kind of statement (a handle's statements stay its own). */
export function perDatabase<Db extends object, Item, Result>(
  make: (db: Db) => (item: Item) => Promise<Result>,
): (db: Db, item: Item) => Promise<Result> {
  const byDb = new WeakMap<Db, (item: Item) => Promise<Result>>();
  return (db, item) => {
    let coalesced = byDb.get(db);
    if (!coalesced) {
      coalesced = make(db);
      byDb.set(db, coalesced);
    }
    return coalesced(item);
  };
}
