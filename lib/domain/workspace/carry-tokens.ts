// Opening a saved request on top of one's own composer: a server that is the same (name and URL)
// keeps the token already typed for it, so only the tokens nobody has given yet are asked for.
import type { ComposerState } from "@/lib/domain/request/types";

export interface CarriedTokens {
  state: ComposerState;
  /** The incoming servers still without the token they had when saved. */
  stillNeeded: string[];
}

export function carryTokens(
  current: ComposerState,
  incoming: ComposerState,
  needingToken: readonly string[],
): CarriedTokens {
  const known = new Map(
    current.servers
      .filter((server) => server.authorizationToken)
      .map((server) => [`${server.name}\u0000${server.url}`, server.authorizationToken]),
  );
  const stillNeeded: string[] = [];
  const servers = incoming.servers.map((server) => {
    if (!needingToken.includes(server.id)) return server;
    const token = known.get(`${server.name}\u0000${server.url}`);
    if (token) return { ...server, authorizationToken: token };
    stillNeeded.push(server.id);
    return server;
  });
  return { state: { ...incoming, servers }, stillNeeded };
}
