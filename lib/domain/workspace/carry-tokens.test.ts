import { describe, expect, it } from "vitest";
import { createDefaultState } from "@/lib/domain/request/composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import { carryTokens } from "./carry-tokens";

describe("carryTokens", () => {
  it("keeps a typed token for the same server (name and URL) and asks for the rest", () => {
    const current = createDefaultState(sequentialIds());
    current.servers[0]!.authorizationToken = "mine";
    const incoming = createDefaultState(sequentialIds());
    const [calendar, tasks] = incoming.servers;
    // As a link or a saved request arrives: no token anywhere.
    const moved = { ...tasks!, url: "https://elsewhere.example/mcp", authorizationToken: "" };
    calendar!.authorizationToken = "";
    const { state, stillNeeded } = carryTokens(
      current,
      { ...incoming, servers: [calendar!, moved] },
      [calendar!.id, moved.id],
    );
    expect(state.servers[0]!.authorizationToken).toBe("mine");
    // The same name at another URL is another server: its token is not handed over.
    expect(state.servers[1]!.authorizationToken).toBe("");
    expect(stillNeeded).toEqual([moved.id]);
  });

  it("touches no server that did not need a token", () => {
    const current = createDefaultState(sequentialIds());
    current.servers[0]!.authorizationToken = "mine";
    const incoming = createDefaultState(sequentialIds());
    incoming.servers[0]!.authorizationToken = "";
    const { state, stillNeeded } = carryTokens(current, incoming, []);
    expect(state.servers[0]!.authorizationToken).toBe("");
    expect(stillNeeded).toEqual([]);
  });
});
