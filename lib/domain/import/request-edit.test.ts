import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import { createDefaultState, createServer } from "@/lib/domain/request/composer";
import { buildRequest, redactRequest } from "@/lib/domain/request/build-request";
import { createDeferredToolsDemo } from "@/lib/domain/request/demo-states";
import { applyRequestEdit } from "./request-edit";

const ORIGIN = "http://localhost:3000";

function shownJson(state: ReturnType<typeof createDefaultState>) {
  return JSON.parse(JSON.stringify(redactRequest(buildRequest(state)))) as {
    max_tokens: number;
    mcp_servers: { name: string; url: string; authorization_token?: string }[];
    tools: { type: string; mcp_server_name?: string; default_config?: unknown }[];
  };
}

describe("editing the Request JSON by hand", () => {
  it("an unchanged JSON gives back the same request", () => {
    for (const make of [createDefaultState, createDeferredToolsDemo]) {
      const newId = sequentialIds();
      const current = make(newId, ORIGIN);
      const result = applyRequestEdit(JSON.stringify(shownJson(current)), current, newId);
      if (!result.success) throw new Error(result.error);
      expect(buildRequest(result.state)).toEqual(buildRequest(current));
    }
  });

  it("lays a valid edit over the composer: ids, hidden tokens, stdio servers and checks stay", () => {
    const newId = sequentialIds();
    const current = createDefaultState(newId, ORIGIN);
    current.checks = [{ id: "c1", kind: "no_tool_errors" } as never];
    const stdio = { ...createServer(newId), name: "local", stdio: { command: "npx", args: [] } };
    current.servers.push(stdio as never);
    const json = shownJson(current);
    expect(json.mcp_servers[1]!.authorization_token).toContain("hidden");
    json.max_tokens = 777;
    json.tools.find((tool) => tool.mcp_server_name === "calendar")!.default_config = {
      enabled: false,
    };

    const result = applyRequestEdit(JSON.stringify(json), current, newId);
    if (!result.success) throw new Error(result.error);
    expect(result.state.maxTokens).toBe(777);
    const [calendar, tasks, local] = result.state.servers;
    expect(calendar!.id).toBe(current.servers[0]!.id);
    expect(calendar!.defaultConfig.enabled).toBe(false);
    expect(tasks!.id).toBe(current.servers[1]!.id);
    expect(tasks!.authorizationToken).toBe(current.servers[1]!.authorizationToken);
    expect(tasks!.authorizationToken).not.toContain("hidden");
    expect(local!.stdio).toBeDefined();
    expect(result.state.checks).toEqual(current.checks);
  });

  it("a renamed or new server never inherits a hidden token; a typed token is taken", () => {
    const newId = sequentialIds();
    const current = createDefaultState(newId, ORIGIN);
    const json = shownJson(current);
    json.mcp_servers[1]!.name = "todo";
    json.tools.find((tool) => tool.mcp_server_name === "tasks")!.mcp_server_name = "todo";
    json.mcp_servers[0]!.authorization_token = "typed-by-hand";
    const result = applyRequestEdit(JSON.stringify(json), current, newId);
    if (!result.success) throw new Error(result.error);
    const [calendar, todo] = result.state.servers;
    expect(calendar!.authorizationToken).toBe("typed-by-hand");
    expect(todo!.id).not.toBe(current.servers[1]!.id);
    expect(todo!.authorizationToken).toBe("");
  });

  it("an edit that does not read is an error in words, and the composer is not touched", () => {
    const newId = sequentialIds();
    const current = createDefaultState(newId, ORIGIN);
    const before = JSON.stringify(current);
    const broken = applyRequestEdit('{"model": "claude", "max_tokens": }', current, newId);
    expect(broken.success).toBe(false);
    if (!broken.success) expect(broken.error).toMatch(/not valid JSON/);
    const wrong = applyRequestEdit('{"model": 5, "max_tokens": 10}', current, newId);
    expect(wrong.success).toBe(false);
    if (!wrong.success) expect(wrong.error).toContain("model: expected a string");
    expect(JSON.stringify(current)).toBe(before);
  });
});
