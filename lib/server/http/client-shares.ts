import "server-only";
// How many of one kind of work each client may have running at once: beyond its share it is told
// to retry (429), not queued, so one client's burst cannot fill the event loop for everyone.
export class ClientShares {
  private readonly running = new Map<string, number>();

  constructor(readonly perClient: number) {}

  heldBy(client: string): number {
    return this.running.get(client) ?? 0;
  }

  /** A release function (safe to call twice), or null when the client has its share running. */
  tryAcquire(client: string): (() => void) | null {
    if (this.heldBy(client) >= this.perClient) return null;
    this.running.set(client, this.heldBy(client) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.heldBy(client) - 1;
      if (left > 0) this.running.set(client, left);
      else this.running.delete(client);
    };
  }
}
