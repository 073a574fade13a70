import { describe, expect, it } from "vitest";
import type { DiscoverOutcome } from "@/lib/client/api/discover-client";
import { memoryStorage } from "@/test/support/memory-storage";
import { sequentialIds } from "@/test/support/sequential-ids";
import { createAppStore } from "./app-store";
import {
  discoveredToolsByServer,
  selectDiscovered,
  selectDiscovery,
  selectRefusedUnauthorized,
  selectOffersSignIn,
  selectHasUnsavedChanges,
  selectServer,
} from "./selectors";
import { composerFingerprint } from "@/lib/domain/workspace/fingerprint";

function storeAnswering(answer: () => Promise<DiscoverOutcome>) {
  return createAppStore({ storage: memoryStorage(), newId: sequentialIds(), discover: answer });
}

const FOUND: DiscoverOutcome = {
  ok: true,
  result: {
    tools: [{ name: "list_events", destructive: false, readOnly: true }],
    malformed: [],
    server: null,
    transport: "streamable-http",
  },
};

describe("named selectors", () => {
  it("give a server's discovery only while its URL and token are the ones it was made with", async () => {
    const store = storeAnswering(() => Promise.resolve(FOUND));
    const server = store.getState().composer.servers[0]!;
    await store.getState().discover(server.id);
    expect(selectDiscovery(server.id)(store.getState())?.status).toBe("ok");
    expect(selectDiscovered(server.id)(store.getState())?.result.tools).toHaveLength(1);
    expect(
      discoveredToolsByServer(store.getState().composer.servers, store.getState().discoveries),
    ).toEqual({ [server.id]: FOUND.ok ? FOUND.result.tools : [] });

    store.getState().updateServer(server.id, { authorizationToken: "another-token" });
    expect(selectServer(server.id)(store.getState())?.authorizationToken).toBe("another-token");
    expect(selectDiscovery(server.id)(store.getState())).toBeUndefined();
    expect(selectDiscovered(server.id)(store.getState())).toBeUndefined();
    expect(
      discoveredToolsByServer(store.getState().composer.servers, store.getState().discoveries),
    ).toEqual({});
  });

  it("keep the list a new discovery replaces until it lands", async () => {
    let answer: (outcome: DiscoverOutcome) => void = () => undefined;
    const store = storeAnswering(() => Promise.resolve(FOUND));
    const server = store.getState().composer.servers[0]!;
    await store.getState().discover(server.id);
    const slow = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      discover: () => new Promise((resolve) => (answer = resolve)),
    });
    slow.setState({
      composer: store.getState().composer,
      discoveries: store.getState().discoveries,
    });
    const running = slow.getState().discover(server.id);
    expect(selectDiscovery(server.id)(slow.getState())?.status).toBe("loading");
    expect(
      discoveredToolsByServer(slow.getState().composer.servers, slow.getState().discoveries)[
        server.id
      ],
    ).toHaveLength(1);
    answer({ ok: false, kind: "unauthorized", message: "Send a token." });
    await running;
    expect(selectRefusedUnauthorized(server.id)(slow.getState())).toBe(true);
  });

  it("offer a sign-in only to a 401 from a server that advertises OAuth", async () => {
    const plain = storeAnswering(() =>
      Promise.resolve({ ok: false, kind: "unauthorized", message: "No token was given." }),
    );
    const server = plain.getState().composer.servers[1]!;
    await plain.getState().discover(server.id);
    expect(selectRefusedUnauthorized(server.id)(plain.getState())).toBe(true);
    expect(selectOffersSignIn(server.id)(plain.getState())).toBe(false);
    const oauth = storeAnswering(() =>
      Promise.resolve({
        ok: false,
        kind: "unauthorized",
        message: "It uses OAuth.",
        challenge: {
          resourceMetadataUrl: "https://mcp.example.com/.well-known/oauth-protected-resource",
        },
      }),
    );
    await oauth.getState().discover(server.id);
    expect(selectOffersSignIn(server.id)(oauth.getState())).toBe(true);
  });
});

describe("selectHasUnsavedChanges", () => {
  it("is true once the composer differs from the saved request it holds, and tokens do not count", () => {
    const store = storeAnswering(() => new Promise(() => {}));
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
    const { composer } = store.getState();
    store.getState().setOpenRequest({
      id: "r",
      collectionId: "c",
      name: "x",
      fingerprint: composerFingerprint(composer),
    });
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
    store.getState().updateServer(composer.servers[0]!.id, { authorizationToken: "typed" });
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
    store.getState().setField("message", "changed");
    expect(selectHasUnsavedChanges(store.getState())).toBe(true);
  });
});
