// The workspace routes as a browser and a script meet them, on PGlite in a data directory: what
// is stored has no secret, it lasts a restart, a deployment asks for its access token, and a
// database that is not there is a 503 that says why.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, strToU8 } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeProcessDatabase, processDatabase } from "@/lib/server/db/connect";
import { LOCK_FILE } from "@/lib/server/db/data-dir-lock";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { createDefaultState } from "@/lib/domain/request/composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import {
  dumpTables,
  encodedStateWithSecrets,
  TOKEN_SECRET,
  URL_PASSWORD,
  URL_QUERY_KEY,
} from "@/test/support/workspace";
import * as linksRoute from "@/app/api/links/route";
import * as linkRoute from "@/app/api/links/[id]/route";
import * as collectionsRoute from "@/app/api/collections/route";
import * as collectionRoute from "@/app/api/collections/[id]/route";
import * as requestsRoute from "@/app/api/requests/route";
import * as requestRoute from "@/app/api/requests/[id]/route";

const dataDir = mkdtempSync(join(tmpdir(), "playground-data-"));
const LOCAL = "localhost:3000";

function call(
  path: string,
  init: { method?: string; body?: unknown; host?: string; headers?: Record<string, string> } = {},
): Request {
  const host = init.host ?? LOCAL;
  return new Request(`http://${host}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { host, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function firstCollection(host = LOCAL, headers: Record<string, string> = {}) {
  const response = await collectionsRoute.GET(call("/api/collections", { host, headers }));
  return { response, body: (await response.json()) as { collections: { id: string }[] } };
}

beforeAll(() => {
  vi.stubEnv("PLAYGROUND_DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
});
afterEach(() => {
  vi.stubEnv("PLAYGROUND_ALLOWED_HOSTS", "");
  vi.stubEnv("PLAYGROUND_ACCESS_TOKEN", "");
});
afterAll(async () => {
  await closeProcessDatabase();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the workspace routes", () => {
  it("store a collection's environments without a secret value, and refuse a bad variable name by field", async () => {
    const { body } = await firstCollection();
    const id = body.collections[0]!.id;
    const patch = (changes: unknown) =>
      collectionRoute.PATCH(
        call(`/api/collections/${id}`, { method: "PATCH", body: changes }),
        params(id),
      );
    const saved = await patch({
      variables: [{ name: "BASE", value: "https://mcp.example.com", secret: false }],
      environments: [
        {
          name: "prod",
          variables: [
            { name: "SESSION", value: "typed-secret-value", secret: true },
            { name: "MCP_TOKEN_X", value: "unmarked-token-value", secret: false },
          ],
        },
      ],
    });
    expect(saved.status).toBe(200);
    const { body: listed } = await firstCollection();
    expect(listed.collections[0]).toMatchObject({
      variables: [{ name: "BASE", value: "https://mcp.example.com", secret: false }],
      environments: [
        {
          name: "prod",
          variables: [
            { name: "SESSION", value: "", secret: true },
            { name: "MCP_TOKEN_X", value: "", secret: true },
          ],
        },
      ],
    });
    const dump = await dumpTables((await processDatabase()).db);
    expect(dump).not.toContain("typed-secret-value");
    expect(dump).not.toContain("unmarked-token-value");
    const bad = await patch({ variables: [{ name: "1st", value: "", secret: false }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /variables\.0\.name/,
    );
  });

  it("store no secret: tokens never travel, URL credentials and keys are taken out, a token field is refused", async () => {
    const encoded = encodedStateWithSecrets();
    const created = await linksRoute.POST(call("/api/links", { body: { state: encoded } }));
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; path: string; revokeKey: string };
    expect(link.path).toBe(`/s/${link.id}`);

    const { body } = await firstCollection();
    const saved = await requestsRoute.POST(
      call("/api/requests", {
        body: { collectionId: body.collections[0]!.id, name: "With secrets", state: encoded },
      }),
    );
    expect(saved.status).toBe(201);

    // A client that is not ours puts a token into the payload: the strict decoder refuses it.
    const payload = {
      m: "claude",
      t: 1,
      u: "hi",
      b: "none",
      s: [{ n: "x", u: "https://x.example/mcp", authorization_token: TOKEN_SECRET }],
    };
    const hostile = `5.${Buffer.from(deflateSync(strToU8(JSON.stringify(payload)))).toString("base64url")}`;
    const refused = await linksRoute.POST(call("/api/links", { body: { state: hostile } }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("authorization_token");

    const dump = await dumpTables((await processDatabase()).db);
    expect(dump).toContain("mcp.example.com");
    for (const secret of [TOKEN_SECRET, URL_PASSWORD, URL_QUERY_KEY]) {
      expect(dump).not.toContain(secret);
    }
    // The opened link asks for the token and says the URL lost its parts.
    const opened = await linkRoute.GET(call(`/api/links/${link.id}`), params(link.id));
    const decoded = decodeShareState(
      ((await opened.json()) as { state: string }).state,
      sequentialIds(),
    );
    expect(decoded.success).toBe(true);
    if (!decoded.success) return;
    // Both servers had a token (the default tasks server has its demo token).
    expect(decoded.data.serversNeedingToken).toHaveLength(2);
    expect(decoded.data.serversMissingUrlParts).toHaveLength(1);
    expect(decoded.data.state.servers[0]!.url).toBe("https://mcp.example.com/mcp");
  }, 60_000);

  it("keep what was saved across a restart, and answer revoked and unknown links in words", async () => {
    const state = encodeShareState({ ...createDefaultState(sequentialIds()), message: "kept" });
    const created = await linksRoute.POST(call("/api/links", { body: { state } }));
    const link = (await created.json()) as { id: string; revokeKey: string };
    await closeProcessDatabase();

    const reopened = await linkRoute.GET(call(`/api/links/${link.id}`), params(link.id));
    expect(reopened.status).toBe(200);
    const decoded = decodeShareState(
      ((await reopened.json()) as { state: string }).state,
      sequentialIds(),
    );
    expect(decoded.success && decoded.data.state.message).toBe("kept");

    const wrong = await linkRoute.DELETE(
      call(`/api/links/${link.id}`, { method: "DELETE", body: { revokeKey: "k".repeat(32) } }),
      params(link.id),
    );
    expect(wrong.status).toBe(403);
    const revoke = await linkRoute.DELETE(
      call(`/api/links/${link.id}`, { method: "DELETE", body: { revokeKey: link.revokeKey } }),
      params(link.id),
    );
    expect(revoke.status).toBe(200);
    const revoked = await linkRoute.GET(call(`/api/links/${link.id}`), params(link.id));
    expect(revoked.status).toBe(410);
    expect(await revoked.json()).toMatchObject({
      error: { kind: "link_revoked", message: "This link was revoked by the person who made it." },
    });
    for (const id of ["A".repeat(24), "not-an-id", "../../etc"]) {
      const unknown = await linkRoute.GET(call(`/api/links/x`), params(id));
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { kind: "link_unknown" } });
    }
  }, 60_000);

  it("on a deployment, need the access token to read or write; a short link opens for anyone", async () => {
    const state = encodeShareState(createDefaultState(sequentialIds()));
    const made = await linksRoute.POST(call("/api/links", { body: { state } }));
    const { id } = (await made.json()) as { id: string };
    vi.stubEnv("PLAYGROUND_ALLOWED_HOSTS", "playground.example.com");
    const host = "playground.example.com";

    const closed = await firstCollection(host);
    expect(closed.response.status).toBe(401);
    expect(JSON.stringify(closed.body)).toContain("PLAYGROUND_ACCESS_TOKEN");
    vi.stubEnv("PLAYGROUND_ACCESS_TOKEN", "team-access-token");
    const noToken = await linksRoute.POST(call("/api/links", { host, body: { state } }));
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ error: { kind: "workspace_access" } });
    const wrong = await firstCollection(host, { "x-playground-access-token": "guess" });
    expect(wrong.response.status).toBe(401);
    const right = await firstCollection(host, { "x-playground-access-token": "team-access-token" });
    expect(right.response.status).toBe(200);
    const list = await requestsRoute.GET(
      call(`/api/requests?collection=${right.body.collections[0]!.id}`, { host }),
    );
    expect(list.status).toBe(401);

    const opened = await linkRoute.GET(call(`/api/links/${id}`, { host }), params(id));
    expect(opened.status).toBe(200);
  }, 60_000);

  it("answer a malformed body or query with the field named, and change nothing", async () => {
    const { body } = await firstCollection();
    const collection = body.collections[0]!.id;
    const noName = await requestsRoute.POST(
      call("/api/requests", { body: { collectionId: collection, name: " ", state: "5.x" } }),
    );
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("name");
    const badState = await requestsRoute.POST(
      call("/api/requests", { body: { collectionId: collection, name: "x", state: "5.%%%" } }),
    );
    expect(badState.status).toBe(400);
    expect(await badState.text()).toContain("damaged");
    const badQuery = await requestsRoute.GET(call("/api/requests?collection=nope"));
    expect(badQuery.status).toBe(400);
    const missing = await requestRoute.GET(
      call("/api/requests/00000000-0000-4000-8000-000000000000"),
      params("00000000-0000-4000-8000-000000000000"),
    );
    expect(missing.status).toBe(404);
  }, 60_000);
});

describe("a database that is not there", () => {
  let holder: ChildProcess | undefined;
  afterAll(() => holder?.kill());

  it("is a 503 that names the cause, never the password, while another process holds the data directory", async () => {
    await closeProcessDatabase();
    // Another live process owns the directory.
    holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    writeFileSync(join(dataDir, LOCK_FILE), String(holder.pid));
    const busy = await firstCollection();
    expect(busy.response.status).toBe(503);
    const text = JSON.stringify(busy.body);
    expect(text).toContain(`in use by another process (pid ${holder.pid})`);
    expect(text).toContain("DATABASE_URL");
    holder.kill();
    await new Promise((resolve) => holder!.once("exit", resolve));
    // Its owner gone, the directory is taken over.
    expect((await firstCollection()).response.status).toBe(200);
    await closeProcessDatabase();

    vi.stubEnv("DATABASE_URL", "postgres://playground:hunter2-SECRET@127.0.0.1:9/none");
    try {
      const down = await requestsRoute.POST(
        call("/api/requests", {
          body: {
            collectionId: "00000000-0000-4000-8000-000000000000",
            name: "x",
            state: encodeShareState(createDefaultState(sequentialIds())),
          },
        }),
      );
      expect(down.status).toBe(503);
      const body = JSON.stringify(await down.json());
      expect(body).toContain("database_unavailable");
      expect(body).toContain("Nothing was saved");
      expect(body).not.toContain("hunter2-SECRET");
    } finally {
      vi.stubEnv("DATABASE_URL", "");
      await closeProcessDatabase();
    }
  }, 60_000);
});
