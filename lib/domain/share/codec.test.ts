import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import {
  CACHE_TTLS,
  MCP_BETAS,
  TOOL_SEARCH_KINDS,
  type ComposerState,
} from "@/lib/domain/request/types";
import {
  buildShareUrl,
  decodeShareState,
  encodeShareState,
  readShareFragment,
  shareLinkOpens,
  SHARE_VERSION,
} from "./codec";
import { createDefaultState } from "@/lib/domain/request/composer";

const stateWith = (): ComposerState => createDefaultState(sequentialIds(), "http://localhost:3000");

const flag = fc.option(fc.boolean(), { nil: undefined });
const text = (max: number) => fc.string({ maxLength: max, unit: "binary" });
const stateArbitrary: fc.Arbitrary<ComposerState> = fc.record({
  model: text(40),
  maxTokens: fc.integer({ min: 0, max: 200_000 }),
  system: text(200),
  conversation: fc.array(
    fc.oneof(
      fc.record({ id: fc.uuid(), role: fc.constant("user" as const), content: text(80) }),
      fc.record({
        id: fc.uuid(),
        role: fc.constant("assistant" as const),
        content: fc.array(
          fc.oneof(
            fc.record({
              type: fc.constant("text" as const),
              text: text(40),
              citations: fc.constant(null),
            }),
            fc.record({
              type: fc.constant("mcp_tool_use" as const),
              id: fc.string({ minLength: 1, maxLength: 20 }),
              name: text(20),
              server_name: text(20),
              input: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
            }),
          ),
          { maxLength: 4 },
        ),
      }),
    ),
    { maxLength: 4 },
  ),
  message: text(200),
  stream: fc.boolean(),
  beta: fc.constantFrom(...MCP_BETAS, "none" as const),
  toolSearch: fc.constantFrom(...TOOL_SEARCH_KINDS),
  servers: fc.array(
    fc.record({
      id: fc.uuid(),
      name: text(30),
      url: text(80),
      authorizationToken: fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 40 })),
      defaultConfig: fc.record({ enabled: flag, deferLoading: flag }),
      configs: fc.array(
        fc.record({ id: fc.uuid(), tool: text(30), enabled: flag, deferLoading: flag }),
        { maxLength: 8 },
      ),
      cacheTtl: fc.constantFrom(...CACHE_TTLS),
    }),
    { maxLength: 6 },
  ),
});

/** What must survive a link: everything but ids and tokens (and unset flags stay unset). */
function comparable(state: ComposerState) {
  const flags = (f: { enabled?: boolean; deferLoading?: boolean }) => ({
    enabled: f.enabled,
    deferLoading: f.deferLoading,
  });
  return {
    ...state,
    // As JSON carries it (a -0 in a tool input is 0 on the wire).
    conversation: JSON.parse(
      JSON.stringify(state.conversation.map(({ id: _id, ...turn }) => turn)),
    ) as unknown,
    servers: state.servers.map((server) => ({
      ...server,
      id: "",
      authorizationToken: "",
      defaultConfig: flags(server.defaultConfig),
      configs: server.configs.map((row) => ({ ...flags(row), tool: row.tool, id: "" })),
    })),
  };
}

describe("share link codec", () => {
  it("state → link → state is the identity, less ids and tokens, for any state (property)", () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const decoded = decodeShareState(encodeShareState(state), sequentialIds());
        if (!decoded.success) throw new Error(decoded.error);
        expect(comparable(decoded.data.state)).toEqual(comparable(state));
        // No token survives, and every server that had one is marked for asking.
        expect(decoded.data.state.servers.every((server) => server.authorizationToken === "")).toBe(
          true,
        );
        const had = state.servers.map((server) => server.authorizationToken !== "");
        const asked = decoded.data.state.servers.map((server) =>
          decoded.data.serversNeedingToken.includes(server.id),
        );
        expect(asked).toEqual(had);
      }),
      { numRuns: 3000 },
    );
  });

  it("never carries a token, even uncompressed", () => {
    fc.assert(
      fc.property(stateArbitrary, fc.string({ minLength: 12, maxLength: 40 }), (state, token) => {
        const withToken = {
          ...state,
          servers: state.servers.map((server) => ({
            ...server,
            authorizationToken: `tok-${token}`,
          })),
        };
        const link = encodeShareState(withToken);
        const decoded = decodeShareState(link, sequentialIds());
        expect(JSON.stringify(decoded)).not.toContain(`tok-${token}`);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on garbage, and says what is wrong (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `1.${s}`),
          fc.base64String().map((s) => `1.${s.replace(/=/g, "")}`),
        ),
        (value) => {
          const result = decodeShareState(value, sequentialIds());
          if (!result.success) expect(result.error.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("knows when a link would be too long to open: a long conversation's results", () => {
    // Incompressible text, as tool results often are.
    let seed = 2463534242;
    const noise = Array.from({ length: 60_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(33 + ((seed >>> 0) % 90));
    }).join("");
    const long = {
      ...stateWith(),
      conversation: [{ id: "t", role: "user" as const, content: noise }],
    };
    const url = buildShareUrl("http://localhost/", long);
    expect(shareLinkOpens(url)).toBe(false);
    expect(
      decodeShareState(readShareFragment(new URL(url).hash) ?? "", sequentialIds()),
    ).toMatchObject({
      success: false,
      error: expect.stringContaining("too long") as unknown,
    });
    expect(shareLinkOpens(buildShareUrl("http://localhost/", stateWith()))).toBe(true);
  });

  it("still opens links of formats 1 to 3 (the payload only gained optional keys)", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const current = encodeShareState(state);
    const decodedNow = decodeShareState(current, sequentialIds());
    for (const older of ["1", "2", "3"]) {
      const decoded = decodeShareState(`${older}.${current.slice(2)}`, sequentialIds());
      expect(decoded).toEqual(decodedNow);
    }
  });

  it("refuses truncated, tampered and future-version links with clear words", () => {
    const state: ComposerState = {
      model: "claude-opus-4-6",
      maxTokens: 1024,
      system: "",
      conversation: [],
      message: "hi",
      stream: true,
      beta: "mcp-client-2025-11-20",
      toolSearch: "none",
      servers: [],
    };
    const link = encodeShareState(state);
    expect(decodeShareState(link.slice(0, link.length - 6), sequentialIds())).toMatchObject({
      success: false,
      error: expect.stringContaining("damaged") as unknown,
    });
    expect(
      decodeShareState(`${SHARE_VERSION + 1}.${link.slice(2)}`, sequentialIds()),
    ).toMatchObject({
      success: false,
      error: expect.stringContaining("newer version") as unknown,
    });
    expect(decodeShareState(`${link}!`, sequentialIds())).toMatchObject({ success: false });
    // A well-formed payload with a field we never write is a tampered link.
    const forged = Buffer.from(
      deflateSync(
        strToU8(JSON.stringify({ m: "x", t: 1, u: "", b: "none", s: [], evil: "<script>" })),
      ),
    ).toString("base64url");
    expect(decodeShareState(`1.${forged}`, sequentialIds())).toMatchObject({
      success: false,
      error: expect.stringContaining("evil") as unknown,
    });
  });

  it("stays short: the docs' two-server example under 400 characters, 10 servers with 50 entries under 2,000", () => {
    const newId = sequentialIds();
    const docs: ComposerState = {
      model: "claude-opus-4-6",
      maxTokens: 1000,
      system: "",
      conversation: [],
      message: "What tools do you have available?",
      stream: true,
      beta: "mcp-client-2025-11-20",
      toolSearch: "none",
      servers: [
        {
          id: newId(),
          name: "mcp-server-1",
          url: "https://mcp.example1.com/sse",
          authorizationToken: "TOKEN1",
          defaultConfig: { enabled: false },
          configs: [
            { id: newId(), tool: "search_events", enabled: true },
            { id: newId(), tool: "create_event", enabled: true },
          ],
          cacheTtl: "none",
        },
        {
          id: newId(),
          name: "mcp-server-2",
          url: "https://mcp.example2.com/sse",
          authorizationToken: "TOKEN2",
          defaultConfig: {},
          configs: [
            { id: newId(), tool: "delete_all_events", enabled: false },
            { id: newId(), tool: "share_calendar_publicly", enabled: false },
          ],
          cacheTtl: "none",
        },
      ],
    };
    const docsUrl = buildShareUrl("http://localhost:3000/", docs);
    expect(docsUrl.length).toBeLessThan(400);
    const big: ComposerState = {
      ...docs,
      servers: Array.from({ length: 10 }, (_, s) => ({
        id: newId(),
        name: `server-${s}`,
        url: `https://mcp-${s}.example.com/mcp`,
        authorizationToken: "",
        defaultConfig: s % 2 ? { enabled: false } : { deferLoading: true },
        configs: Array.from({ length: 5 }, (_, t) => ({
          id: newId(),
          tool: `tool_${s}_${t}_name`,
          enabled: t % 2 === 0,
        })),
        cacheTtl: "none" as const,
      })),
    };
    const bigUrl = buildShareUrl("http://localhost:3000/", big);
    expect(bigUrl.length).toBeLessThan(2000);
    console.log(
      `share link lengths: docs example ${docsUrl.length} chars, 10 servers / 50 entries ${bigUrl.length} chars`,
    );
    expect(readShareFragment(new URL(docsUrl).hash)).toBe(encodeShareState(docs));
  });
});
