import { describe, expect, it } from "vitest";
import { buildToolset } from "./build-request";
import { sequentialIds } from "@/test/support/sequential-ids";
import { applyReadOnlyAllowlist } from "./read-only-allowlist";
import type { ServerDraft } from "./types";

const server: ServerDraft = {
  id: "s1",
  name: "docs",
  url: "https://docs.example.com/mcp",
  authorizationToken: "",
  defaultConfig: {},
  configs: [{ id: "r1", tool: "ask_question", enabled: true }],
  cacheTtl: "none",
  readOnlyAllowlist: true,
};

describe("a read-only allowlist from OpenAI", () => {
  it("becomes the read-only tools (and the named ones) once the tools are known", () => {
    const applied = applyReadOnlyAllowlist(
      server,
      [
        { name: "read_page", readOnly: true },
        { name: "delete_page", readOnly: false },
        { name: "ask_question", readOnly: false },
        { name: "list_pages", readOnly: true },
      ],
      sequentialIds(),
    );
    expect(applied.readOnlyAllowlist).toBeUndefined();
    expect(buildToolset(applied)).toEqual({
      type: "mcp_toolset",
      mcp_server_name: "docs",
      default_config: { enabled: false },
      configs: {
        ask_question: { enabled: true },
        read_page: { enabled: true },
        list_pages: { enabled: true },
      },
    });
  });

  it("leaves any other server as it is", () => {
    const plain = { ...server, readOnlyAllowlist: undefined };
    expect(applyReadOnlyAllowlist(plain, [{ name: "x", readOnly: true }], sequentialIds())).toBe(
      plain,
    );
  });
});
