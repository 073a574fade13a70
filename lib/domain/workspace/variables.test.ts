import { describe, expect, it } from "vitest";
import { createDefaultState } from "@/lib/domain/request/composer";
import { derivePreview } from "@/lib/domain/request/preview";
import { sequentialIds } from "@/test/support/sequential-ids";
import { storableVariable } from "./variable-names";
import { placeholdersIn, resolveComposer, resolveStrings, variableValues } from "./variables";

const variable = (name: string, value: string, secret = false) => ({ name, value, secret });

describe("variables and environments", () => {
  it("finds each placeholder once, spaces inside the braces allowed", () => {
    expect(placeholdersIn("{{A}}/{{ B }}/{{A}} {{not a name}} {{1X}}")).toEqual(["A", "B"]);
  });

  it("resolves every string of a JSON value and names what it could not", () => {
    const missing = new Set<string>();
    const out = resolveStrings(
      { url: "{{BASE}}/mcp", list: ["{{MODEL}}", 3, null], token: "{{MCP_TOKEN_X}}" },
      (name) => ({ BASE: "https://h.example", MODEL: "m" })[name],
      missing,
    );
    expect(out).toEqual({
      url: "https://h.example/mcp",
      list: ["m", 3, null],
      token: "{{MCP_TOKEN_X}}",
    });
    expect([...missing]).toEqual(["MCP_TOKEN_X"]);
  });

  it("takes the environment's value over the collection's, and a secret's from the browser only", () => {
    const values = variableValues(
      [variable("BASE", "https://collection.example"), variable("MODEL", "m-collection")],
      [
        variable("BASE", "https://staging.example"),
        variable("MODEL", ""),
        variable("KEY", "", true),
      ],
      { KEY: "typed in this browser" },
    );
    expect(Object.fromEntries(values)).toEqual({
      BASE: "https://staging.example",
      MODEL: "m-collection",
      KEY: "typed in this browser",
    });
  });

  it("stores a secret, or a variable named like one, without its value", () => {
    expect(storableVariable(variable("REGION", "eu", true))).toEqual(variable("REGION", "", true));
    expect(storableVariable(variable("MCP_TOKEN_CALENDAR", "tok"))).toEqual(
      variable("MCP_TOKEN_CALENDAR", "", true),
    );
    expect(storableVariable(variable("BASE_URL", "https://x"))).toEqual(
      variable("BASE_URL", "https://x"),
    );
  });

  it("resolves the composer's URLs, names, token, model and messages, and says where one is missing", () => {
    const state = createDefaultState(sequentialIds());
    const server = state.servers[0]!;
    const written = {
      ...state,
      model: "{{MODEL}}",
      message: "Use {{TOOL}} please",
      servers: [
        { ...server, url: "{{BASE}}/api/demo-mcp/calendar", authorizationToken: "{{TOKEN}}" },
      ],
    };
    const values = variableValues(
      [variable("MODEL", "claude-opus-4-6"), variable("BASE", "http://h")],
      [],
    );
    const result = resolveComposer(written, values);
    expect(result.state.model).toBe("claude-opus-4-6");
    expect(result.state.servers[0]!.url).toBe("http://h/api/demo-mcp/calendar");
    expect(result.state.servers[0]!.authorizationToken).toBe("{{TOKEN}}");
    expect(result.unresolved).toEqual([
      { name: "TOKEN", where: "servers.0.authorizationToken" },
      { name: "TOOL", where: "message" },
    ]);
    expect(result.used.sort()).toEqual(["BASE", "MODEL"]);
    // The same inputs give the same object; a state without placeholders is itself.
    expect(resolveComposer(written, values)).toBe(result);
    expect(resolveComposer(state, values).state).toBe(state);
  });
});

describe("the preview under an environment", () => {
  it("shows the resolved request, and a placeholder without a value is an error at its field", () => {
    const state = createDefaultState(sequentialIds());
    const server = state.servers[0]!;
    const written = {
      ...state,
      message: "Hello {{WHO}}",
      servers: [{ ...server, url: "{{BASE}}/api/demo-mcp/calendar" }, ...state.servers.slice(1)],
    };
    const values = variableValues([variable("BASE", "http://localhost:3000")], []);
    const preview = derivePreview(written, { variables: values, environmentName: "staging" });
    expect(preview.request.mcp_servers?.[0]?.url).toBe(
      "http://localhost:3000/api/demo-mcp/calendar",
    );
    expect(preview.variablesUsed).toEqual(["BASE"]);
    const unresolved = preview.problems.filter((problem) => problem.code === "unresolved_variable");
    expect(unresolved).toEqual([
      expect.objectContaining({
        severity: "error",
        fieldId: "field-message",
        message: "{{WHO}} in message has no value in environment “staging”.",
      }),
    ]);
    // Without an environment, both are unresolved and the words say how to fix it.
    const bare = derivePreview(written);
    expect(bare.problems.filter((problem) => problem.code === "unresolved_variable")).toHaveLength(
      2,
    );
    expect(
      bare.problems.find((problem) => problem.fieldId === `server-${server.id}-url`)?.message,
    ).toMatch(/choose an environment/);
  });
});
