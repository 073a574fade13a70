import { describe, expect, it } from "vitest";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { sequentialIds } from "@/test/support/sequential-ids";
import { buildRequest } from "./build-request";
import { createDefaultState } from "./composer";
import { fieldIdForPath, serverFieldId } from "./field-ids";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { derivePreview } from "./preview";
import { parseComposerState } from "./schema";
import type { ComposerState } from "./types";

/** The demo state with a stdio server put between its two URL servers. */
function withStdio(): ComposerState {
  const state = createDefaultState(sequentialIds(), "http://localhost:3000");
  const [calendar, tasks] = state.servers;
  return {
    ...state,
    servers: [
      calendar!,
      {
        id: "local",
        name: "everything",
        url: "",
        authorizationToken: "",
        defaultConfig: { enabled: false },
        configs: [{ id: "r", tool: "echo", enabled: true }],
        cacheTtl: "none",
        stdio: {
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-everything"],
          env: ["API_KEY"],
        },
      },
      tasks!,
    ],
  };
}

describe("a stdio server", () => {
  it("is left out of the connector request, and said so as an error", () => {
    const state = withStdio();
    const request = buildRequest(state);
    expect(request.mcp_servers?.map((server) => server.name)).toEqual(["calendar", "tasks"]);
    expect(
      request.tools?.flatMap((tool) => ("mcp_server_name" in tool ? [tool.mcp_server_name] : [])),
    ).toEqual(["calendar", "tasks"]);
    const preview = derivePreview(state, { validate: validateRequest });
    const problem = preview.problems.find((entry) => entry.code === "stdio_client_side");
    expect(problem).toMatchObject({ severity: "error", fieldId: serverFieldId("local", "card") });
    expect(problem?.message).toContain("not reachable by the connector");
  });

  it("keeps the servers after it lined up with their toolsets and fields", () => {
    const state = withStdio();
    const preview = derivePreview(state, { validate: validateRequest });
    // The tasks toolset (the request's second) is previewed for the tasks server (the third).
    expect(preview.servers.map((server) => server.name)).toEqual([
      "calendar",
      "everything",
      "tasks",
    ]);
    expect(preview.servers[2]!.merge.otherTools?.enabled.value).toBe(true);
    // Its own choices are previewed too: the client-side export applies them.
    expect(preview.servers[1]!.merge.tools.map((tool) => tool.name)).toEqual(["echo"]);
    // Marked client-side, and not counted in what the connector request enables.
    expect(preview.servers.map((server) => server.clientSide)).toEqual([false, true, false]);
    const without = derivePreview(
      { ...state, servers: [state.servers[0]!, state.servers[2]!] },
      { validate: validateRequest },
    );
    expect(preview.total).toEqual(without.total);
    const tasksId = state.servers[2]!.id;
    expect(fieldIdForPath("mcp_servers.1.url", state)).toBe(serverFieldId(tasksId, "url"));
    expect(fieldIdForPath("tools.1.default_config", state)).toBe(
      serverFieldId(tasksId, "default-enabled"),
    );
  });

  it("survives saving and a share link (environment variable names only)", () => {
    const state = withStdio();
    const saved = parseComposerState(JSON.parse(JSON.stringify(state)));
    expect(saved.success && saved.data.servers[1]?.stdio).toEqual(state.servers[1]!.stdio);
    const decoded = decodeShareState(encodeShareState(state), sequentialIds());
    if (!decoded.success) throw new Error(decoded.error);
    expect(decoded.data.state.servers[1]?.stdio).toEqual(state.servers[1]!.stdio);
    const readOnly = { ...state, servers: [{ ...state.servers[0]!, readOnlyAllowlist: true }] };
    const again = decodeShareState(encodeShareState(readOnly), sequentialIds());
    expect(again.success && again.data.state.servers[0]?.readOnlyAllowlist).toBe(true);
  });

  it("refuses an environment entry that is not a variable name", () => {
    const state = withStdio();
    state.servers[1]!.stdio!.env = ["API_KEY=secret-value"];
    expect(parseComposerState(JSON.parse(JSON.stringify(state))).success).toBe(false);
  });
});
