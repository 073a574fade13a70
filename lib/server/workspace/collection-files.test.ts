// Collection files: a collection out as YAML and back in as the same requests; tokens only ever
// placeholders; hostile or malformed files refused in words, nothing written.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryDatabaseForFile } from "@/test/support/memory-database";
import { parse } from "yaml";
import { createDefaultState, withoutTokens } from "@/lib/domain/request/composer";
import { buildRequest } from "@/lib/domain/request/build-request";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { collectionFileJsonSchema } from "@/lib/domain/workspace/collection-schema";
import { sequentialIds } from "@/test/support/sequential-ids";
import { dumpTables, stateWithSecrets, TOKEN_SECRET } from "@/test/support/workspace";
import { exportCollection, importCollection } from "./collection-files";
import {
  createCollection,
  getRequest,
  listCollections,
  listRequests,
  saveRequest,
} from "./saved-requests";
import { stateForStorage } from "./stored-state";

const database = memoryDatabaseForFile();

async function saved(
  collectionId: string,
  name: string,
  folder: string,
  state = createDefaultState(sequentialIds()),
) {
  const stored = stateForStorage(encodeShareState(state));
  if (!stored.ok) throw new Error(stored.message);
  await saveRequest(database().db, {
    collectionId,
    name,
    folder,
    description: `about ${name}`,
    state: stored.stored,
  });
}

describe("collection files", () => {
  it("export as YAML with token placeholders, and import back to the same requests", async () => {
    const collection = await createCollection(database().db, "Team checks");
    await saved(collection.id, "With secrets", "daily", {
      ...stateWithSecrets(),
      message: "hello",
    });
    await saved(collection.id, "Plain", "");
    const exported = await exportCollection(database().db, collection.id);
    if (!exported.ok) throw new Error("no export");
    expect(exported.yaml).not.toContain(TOKEN_SECRET);
    expect(exported.yaml).not.toContain("urlpass");
    expect(exported.yaml).toContain('authorization_token: "{{MCP_TOKEN_CALENDAR}}"');
    expect(exported.yaml).toContain('authorization_token: "{{MCP_TOKEN_TASKS}}"');
    const file = parse(exported.yaml) as {
      version: number;
      name: string;
      requests: { name: string; folder?: string; request: Record<string, unknown> }[];
    };
    expect(file).toMatchObject({ version: 1, name: "Team checks" });
    expect(file.requests.map((request) => [request.name, request.folder])).toEqual([
      ["Plain", undefined],
      ["With secrets", "daily"],
    ]);
    // The request is what Send builds (tokens aside).
    const plain = buildRequest(createDefaultState(sequentialIds()));
    expect(file.requests[0]!.request).toMatchObject({
      model: plain.model,
      max_tokens: plain.max_tokens,
      betas: plain.betas,
    });

    const imported = await importCollection(database().db, exported.yaml);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported).toMatchObject({ name: "Team checks", imported: 2 });
    const page = await listRequests(database().db, {
      collection: imported.collectionId,
      q: "",
      offset: 0,
      limit: 50,
    });
    expect(
      page.requests.map((request) => [request.name, request.folder, request.description]),
    ).toEqual([
      ["Plain", "", "about Plain"],
      ["With secrets", "daily", "about With secrets"],
    ]);
    // Opening an imported request asks for the placeholders' tokens.
    const reopened = await getRequest(database().db, page.requests[1]!.id);
    if (!reopened.found) throw new Error("not found");
    const decoded = decodeShareState(reopened.request.state, sequentialIds(), {
      maxChars: 400_000,
    });
    expect(decoded.success && decoded.data.serversNeedingToken).toHaveLength(2);
    expect(decoded.success && decoded.data.state.message).toBe("hello");
    // Out again: the same file.
    const again = await exportCollection(database().db, imported.collectionId);
    expect(again.ok && again.yaml).toBe(exported.yaml);
    expect(await dumpTables(database().db)).not.toContain(TOKEN_SECRET);
  });

  it("carry variables and environments, never a secret's value, and import a token-named one as secret", async () => {
    const collection = await createCollection(database().db, "With environments", {
      variables: [
        { name: "BASE", value: "https://mcp.example.com", secret: false },
        { name: "API_KEY", value: "should-never-be-stored", secret: false },
      ],
      environments: [
        {
          name: "staging",
          variables: [
            { name: "BASE", value: "https://staging.example.com", secret: false },
            { name: "REGION", value: "kept-out", secret: true },
          ],
        },
      ],
    });
    const [listed] = (await listCollections(database().db)).filter(
      (entry) => entry.id === collection.id,
    );
    expect(listed!.variables).toEqual([
      { name: "BASE", value: "https://mcp.example.com", secret: false },
      { name: "API_KEY", value: "", secret: true },
    ]);
    const exported = await exportCollection(database().db, collection.id);
    if (!exported.ok) throw new Error("no export");
    expect(parse(exported.yaml)).toMatchObject({
      variables: { BASE: "https://mcp.example.com" },
      environments: { staging: { BASE: "https://staging.example.com" } },
    });
    expect(exported.yaml).toContain("# Secret variables, left out here");
    expect(exported.yaml).toMatch(/API_KEY, REGION/);
    for (const secret of ["should-never-be-stored", "kept-out"])
      expect(await dumpTables(database().db)).not.toContain(secret);

    const imported = await importCollection(
      database().db,
      [
        "version: 1",
        "name: From a file",
        "variables: { BASE: https://a.example, MCP_TOKEN_CALENDAR: literal-token-value }",
        "environments: { prod: { BASE: https://prod.example } }",
        "requests: []",
      ].join("\n"),
    );
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.notes).toEqual([
      "variable MCP_TOKEN_CALENDAR looks like a secret: its value was not kept; set it in the browser.",
    ]);
    const [kept] = (await listCollections(database().db)).filter(
      (entry) => entry.id === imported.collectionId,
    );
    expect(kept).toMatchObject({
      variables: [
        { name: "BASE", value: "https://a.example", secret: false },
        { name: "MCP_TOKEN_CALENDAR", value: "", secret: true },
      ],
      environments: [
        {
          name: "prod",
          variables: [{ name: "BASE", value: "https://prod.example", secret: false }],
        },
      ],
    });
    expect(await dumpTables(database().db)).not.toContain("literal-token-value");
  });

  it("reads JSON too, and refuses a literal token, an alias bomb, a newer format and a wrong field by name", async () => {
    const before = (await listCollections(database().db)).length;
    // The default composer's tasks server has its demo token: a file carries none.
    const request = buildRequest(withoutTokens(createDefaultState(sequentialIds())));
    const json = JSON.stringify({
      version: 1,
      name: "From JSON",
      requests: [{ name: "one", request }],
    });
    expect(await importCollection(database().db, json)).toMatchObject({ ok: true, imported: 1 });

    const literal = JSON.stringify({
      version: 1,
      name: "Leaky",
      requests: [
        {
          name: "one",
          request: {
            ...request,
            mcp_servers: [{ ...request.mcp_servers![0]!, authorization_token: "sk-real" }],
          },
        },
      ],
    });
    const leaky = await importCollection(database().db, literal);
    expect(leaky).toMatchObject({ ok: false });
    expect(!leaky.ok && leaky.message).toContain("never a token");

    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    const exploded = await importCollection(database().db, bomb);
    expect(exploded).toMatchObject({ ok: false });
    expect(!exploded.ok && exploded.message).toMatch(/not readable YAML/);

    const newer = await importCollection(database().db, "version: 2\nname: x\nrequests: []\n");
    expect(!newer.ok && newer.message).toContain("format 2");
    const wrong = await importCollection(
      database().db,
      "version: 1\nname: x\nrequests:\n  - name: a\n    reqest: {}\n",
    );
    expect(!wrong.ok && wrong.message).toMatch(/request/);
    const broken = await importCollection(database().db, "version: 1\nname: [unclosed\n");
    expect(!broken.ok && broken.message).toMatch(/line \d+/);
    // Only the good file made a collection.
    expect((await listCollections(database().db)).length).toBe(before + 1);
  });

  it("is described by docs/collection.schema.json, which is the app's own schema", () => {
    const onDisk = JSON.parse(readFileSync("docs/collection.schema.json", "utf8")) as unknown;
    expect(onDisk).toEqual(collectionFileJsonSchema());
  });
});
