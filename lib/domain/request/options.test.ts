import { describe, expect, it } from "vitest";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import {
  decodeSharePayload,
  decodeShareState,
  encodeSharePayload,
  encodeShareState,
} from "@/lib/domain/share/codec";
import { generateSnippet } from "@/lib/domain/export/snippets";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { sequentialIds } from "@/test/support/sequential-ids";
import { checkRequestOptions, type RequestOptions } from "./options";

const base = { model: "claude-opus-4-6", max_tokens: 2048, messages: [], tools: [] };
const problemsOf = (options: Record<string, unknown>, model = "claude-opus-4-6") =>
  checkRequestOptions({ ...base, model, ...options }).map(
    (problem) => `${problem.severity} ${problem.path}: ${problem.message}`,
  );

describe("the API's rules for request options", () => {
  it("thinking: a budget of at least 1024 and less than max_tokens", () => {
    expect(problemsOf({ thinking: { type: "enabled", budget_tokens: 1024 } })).toEqual([]);
    expect(problemsOf({ thinking: { type: "enabled", budget_tokens: 512 } })[0]).toContain(
      "greater than or equal to 1024",
    );
    expect(problemsOf({ thinking: { type: "enabled", budget_tokens: 2048 } })[0]).toContain(
      "max_tokens (2048) must be greater than thinking.budget_tokens (2048)",
    );
    const api = checkRequestOptions({
      ...base,
      thinking: { type: "enabled", budget_tokens: 4096 },
    });
    expect(api[0]?.apiMessage).toBe("`max_tokens` must be greater than `thinking.budget_tokens`.");
  });

  it("thinking may not be on when tool_choice forces a tool", () => {
    expect(
      problemsOf({ thinking: { type: "adaptive" }, tool_choice: { type: "any" } })[0],
    ).toContain("Thinking may not be enabled when tool_choice forces tool use");
    expect(problemsOf({ thinking: { type: "adaptive" }, tool_choice: { type: "auto" } })).toEqual(
      [],
    );
    expect(problemsOf({ tool_choice: { type: "tool", name: "" } })[0]).toContain(
      "tool_choice.name: Field required",
    );
  });

  it("stop sequences need non-whitespace; user_id must not be personal data", () => {
    expect(problemsOf({ stop_sequences: ["END", "  "] })).toEqual([
      "error stop_sequences.1: stop_sequences.1: a stop sequence must contain non-whitespace.",
    ]);
    expect(problemsOf({ metadata: { user_id: "ada@example.com" } })[0]).toMatch(
      /^warning metadata.user_id: .*opaque id/,
    );
    expect(problemsOf({ metadata: { user_id: "7f3c9a1e" } })).toEqual([]);
  });

  it("an option an older model may not take is a warning, not a silent drop", () => {
    expect(problemsOf({ output_config: { effort: "high" } }, "claude-haiku-4-5")[0]).toMatch(
      /^warning output_config.effort: claude-haiku-4-5 may not take/,
    );
    expect(problemsOf({ output_config: { effort: "high" } }, "claude-opus-4-6")).toEqual([]);
    expect(problemsOf({ output_config: { effort: "extreme" } })[0]).toContain("must be one of");
    expect(
      problemsOf({ output_config: { format: { type: "json_schema", schema: [] } } })[0],
    ).toContain("JSON schema object");
  });

  it("reach the validator's problems list with their own codes", () => {
    const problems = validateRequest({
      ...base,
      thinking: { type: "enabled", budget_tokens: 9000 },
    });
    expect(problems.find((problem) => problem.path === "thinking.budget_tokens")?.code).toBe(
      "request_option_invalid",
    );
  });
});

describe("request options through the composer", () => {
  const options: RequestOptions = {
    thinking: { type: "enabled", budget_tokens: 1024 },
    output_config: { effort: "low", format: { type: "json_schema", schema: { type: "object" } } },
    stop_sequences: ["END"],
    tool_choice: { type: "auto" },
    metadata: { user_id: "u-123" },
    service_tier: "standard_only",
  };
  const state = () => ({
    ...createDefaultState(sequentialIds(), "http://localhost:3000"),
    options,
  });

  it("are sent as the SDK types them, exported, and carried by a share link", () => {
    const request = buildRequest(state());
    expect(request).toMatchObject(options);
    expect(generateSnippet("typescript", request)).toContain('service_tier: "standard_only"');
    expect(generateSnippet("python", request)).toContain('"budget_tokens": 1024');
    const decoded = decodeShareState(encodeShareState(state()), sequentialIds());
    if (!decoded.success) throw new Error(decoded.error);
    expect(decoded.data.state.options).toEqual(options);
  });

  it("a link never carries an option its schema does not know, and refuses one smuggled in", () => {
    const made = decodeShareState(
      encodeShareState({ ...state(), options: { ...options, speed: "fast" } as RequestOptions }),
      sequentialIds(),
    );
    expect(made.success && made.data.state.options).toBeUndefined();
    const read = decodeSharePayload(encodeShareState(state()));
    if (!read.success) throw new Error(read.error);
    const payload = { ...read.data } as Record<string, unknown>;
    payload.o = { ...options, authorization_token: "x" };
    const smuggled = decodeShareState(encodeSharePayload(payload as never), sequentialIds());
    expect(smuggled.success).toBe(false);
    if (!smuggled.success) expect(smuggled.error).toMatch(/authorization_token|Unrecognized/i);
  });
});
