import { describe, expect, it } from "vitest";
import { generateSnippet, secretVariables, SNIPPET_LANGUAGES } from "@/lib/domain/export/snippets";
import { createRunRecord, reopenComposer } from "@/lib/domain/history/run-history";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { shareUrlNotes } from "@/lib/domain/share/url-notes";
import { buildRequest } from "./build-request";
import { createServer } from "./composer";
import type { ComposerState } from "./types";
import {
  describeUrlSecrets,
  randomLookingSegments,
  urlSecretParts,
  withoutUrlSecrets,
} from "./url-secrets";

const SECRET_URL = "https://bot:hunter2@mcp.example.com/mcp?api_key=sk-live-123#frag";
let counter = 0;
const newId = () => `id${++counter}`;

function state(keepUrlSecrets?: boolean): ComposerState {
  return {
    model: "claude-opus-4-6",
    maxTokens: 1024,
    system: "",
    conversation: [],
    message: "hello",
    stream: false,
    beta: "mcp-client-2025-11-20",
    toolSearch: "none",
    servers: [
      createServer(newId, {
        name: "crm",
        url: SECRET_URL,
        authorizationToken: "tok-1",
        keepUrlSecrets,
      }),
      createServer(newId, { name: "docs", url: "https://docs.example.com/mcp" }),
    ],
  };
}

describe("URL secrets", () => {
  it("finds credentials, query strings and key-like path segments", () => {
    expect(urlSecretParts(SECRET_URL)).toEqual({ credentials: true, query: true });
    expect(describeUrlSecrets(SECRET_URL)).toBe("the user name and password and the query string");
    expect(urlSecretParts("https://a.example/mcp")).toEqual({ credentials: false, query: false });
    expect(withoutUrlSecrets(SECRET_URL)).toBe("https://mcp.example.com/mcp");
    expect(withoutUrlSecrets("not a url")).toBe("not a url");
    expect(randomLookingSegments("https://x.example/mcp/k8Jz2QpLw9XvT4rN7bYc1")).toEqual([
      "k8Jz2QpLw9XvT4rN7bYc1",
    ]);
    expect(
      randomLookingSegments("https://x.example/servers/550e8400e29b41d4a716446655440000"),
    ).toHaveLength(1);
    expect(randomLookingSegments("https://x.example/api/v1/knowledge-base-search/mcp")).toEqual([]);
  });

  it("are left out of share links unless kept, and the link says which servers lost them", () => {
    const link = encodeShareState(state());
    const decoded = decodeShareState(link, newId);
    if (!decoded.success) throw new Error(decoded.error);
    expect(decoded.data.state.servers[0]?.url).toBe("https://mcp.example.com/mcp");
    expect(decoded.data.serversMissingUrlParts).toEqual([decoded.data.state.servers[0]?.id]);
    expect(link).not.toContain("hunter2");

    const kept = decodeShareState(encodeShareState(state(true)), newId);
    if (!kept.success) throw new Error(kept.error);
    expect(kept.data.state.servers[0]?.url).toBe(SECRET_URL);
    expect(kept.data.serversMissingUrlParts).toEqual([]);
  });

  it("are left out of the history, and come back on reopen from the server as typed now", () => {
    const composer = state();
    const record = createRunRecord("run1", 1, composer, {
      ok: false,
      error: { status: 0, type: "network_error", message: "x", requestId: null },
      raw: null,
      partial: null,
      latencyMs: 1,
      firstEventMs: null,
      streamed: false,
      target: "emulator",
    });
    expect(JSON.stringify(record)).not.toMatch(/hunter2|sk-live-123|tok-1/);
    const reopened = reopenComposer(record, composer);
    expect(reopened.servers[0]).toMatchObject({ url: SECRET_URL, authorizationToken: "tok-1" });
  });

  it("become an environment variable in exported code, unless kept", () => {
    const params = buildRequest(state());
    expect(secretVariables(params).map((variable) => variable.env)).toEqual([
      "MCP_URL_CRM",
      "MCP_TOKEN_CRM",
    ]);
    for (const language of SNIPPET_LANGUAGES) {
      const snippet = generateSnippet(language, params);
      expect(snippet, language).not.toMatch(/hunter2|sk-live-123|tok-1/);
      expect(snippet, language).toContain("MCP_URL_CRM");
    }
    const kept = generateSnippet("curl", params, { keepUrlSecrets: ["crm"] });
    expect(kept).toContain("api_key=sk-live-123");
    expect(kept).not.toContain("MCP_URL_CRM");
  });

  it("uses placeholder markers no request text can pose as", () => {
    const base = state();
    const params = buildRequest({
      ...base,
      // A message that is a marker of a fixed format would have been swapped for the token.
      message: "__MCP_PLAYGROUND_ENV_MCP_TOKEN_CRM__",
    });
    const first = generateSnippet("json", params);
    expect(first).toContain('"__MCP_PLAYGROUND_ENV_MCP_TOKEN_CRM__"');
    // Even knowing one generation's marker does not help with the next.
    const fixed = generateSnippet(
      "json",
      buildRequest({ ...base, message: "__MCP_PLAYGROUND_abc_MCP_TOKEN_CRM__" }),
      {
        nonce: "abc",
      },
    );
    expect(fixed).toContain('"$MCP_TOKEN_CRM"');
    const fresh = generateSnippet(
      "json",
      buildRequest({ ...base, message: "__MCP_PLAYGROUND_abc_MCP_TOKEN_CRM__" }),
    );
    expect(fresh).toContain('"__MCP_PLAYGROUND_abc_MCP_TOKEN_CRM__"');
    // The markers never show: the same request gives the same snippet, heredoc and all.
    expect(generateSnippet("curl", params)).toBe(generateSnippet("curl", params));
    expect(generateSnippet("curl", params)).toContain("<<JSON\n");
  });

  it("are explained in the share dialog", () => {
    const notes = shareUrlNotes([
      ...state().servers,
      createServer(newId, { name: "keyed", url: "https://x.example/mcp/k8Jz2QpLw9XvT4rN7bYc1" }),
    ]);
    expect(notes).toEqual([
      {
        text: "The link leaves out the user name and password and the query string of crm's URL.",
        warning: false,
      },
      {
        text: "keyed's URL has a long random-looking path segment (k8Jz…bYc1). If it is a key, this link gives it away: remove the server before sharing.",
        warning: true,
      },
    ]);
    expect(shareUrlNotes(state(true).servers)[0]?.warning).toBe(true);
  });
});
