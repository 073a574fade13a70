// Checks as the composer edits them: each row is a written check (`{ tool_called: {...} }`, the
// form files and links hold) with an id, edited field by field. Every kind has a list of fields;
// a field's text goes in and out through `fieldText` / `withField`, and a bad value is an error in
// words (the row keeps what the user typed), never a lost edit.
import type { CheckKind, CheckSpec } from "./spec";

export interface CheckDraft {
  id: string;
  spec: CheckSpec;
}

export type FieldKind = "text" | "number" | "boolean" | "choice" | "list" | "json";

export interface CheckField {
  /** The argument's key (`value` for a check whose argument is a plain value). */
  key: string;
  label: string;
  kind: FieldKind;
  optional?: boolean;
  choices?: readonly string[];
  placeholder?: string;
}

export interface CheckKindInfo {
  label: string;
  /** What it checks, in a line (the Add check menu). */
  summary: string;
  fields: readonly CheckField[];
}

const toolName: CheckField = {
  key: "name",
  label: "tool",
  kind: "text",
  placeholder: "list_events",
};
const serverName: CheckField = {
  key: "server",
  label: "server",
  kind: "text",
  optional: true,
  placeholder: "any",
};
const limit = (label: string, placeholder: string): readonly CheckField[] => [
  { key: "value", label, kind: "number", placeholder },
];

export const CHECK_KIND_INFO: Readonly<Record<CheckKind, CheckKindInfo>> = {
  tool_called: {
    label: "Tool called",
    summary: "a tool was called (with this input, this many times)",
    fields: [
      toolName,
      serverName,
      {
        key: "input",
        label: "input",
        kind: "json",
        optional: true,
        placeholder: '{"id": "<string>"}',
      },
      {
        key: "match",
        label: "match",
        kind: "choice",
        optional: true,
        choices: ["partial", "exact"],
      },
      { key: "times", label: "times", kind: "number", optional: true, placeholder: "any" },
      { key: "min", label: "at least", kind: "number", optional: true, placeholder: "1" },
    ],
  },
  tool_not_called: {
    label: "Tool not called",
    summary: "a tool was never called",
    fields: [toolName, serverName],
  },
  tools_in_order: {
    label: "Tools in order",
    summary: "these tools were called in this order",
    fields: [
      { key: "tools", label: "tools", kind: "list", placeholder: "search_events, create_event" },
      {
        key: "mode",
        label: "mode",
        kind: "choice",
        optional: true,
        choices: ["subset", "exact", "unordered"],
      },
    ],
  },
  first_tool: {
    label: "First tool",
    summary: "the first tool called",
    fields: [toolName, serverName],
  },
  no_tool_errors: {
    label: "No tool errors",
    summary: "no mcp_tool_result has is_error",
    fields: [],
  },
  tool_error: {
    label: "Tool error expected",
    summary: "a tool's result is an error",
    fields: [toolName, serverName],
  },
  text_contains: {
    label: "Text contains",
    summary: "the final text contains this",
    fields: [
      { key: "text", label: "text", kind: "text", placeholder: "Standup" },
      { key: "ignore_case", label: "ignore case", kind: "boolean", optional: true },
    ],
  },
  text_not_contains: {
    label: "Text does not contain",
    summary: "the final text does not contain this",
    fields: [
      { key: "text", label: "text", kind: "text", placeholder: "error" },
      { key: "ignore_case", label: "ignore case", kind: "boolean", optional: true },
    ],
  },
  text_matches: {
    label: "Text matches",
    summary: "the final text matches a regular expression",
    fields: [
      { key: "pattern", label: "pattern", kind: "text", placeholder: "\\d+ events?" },
      { key: "ignore_case", label: "ignore case", kind: "boolean", optional: true },
    ],
  },
  tool_search_found: {
    label: "Tool search found",
    summary: "a tool search surfaced this deferred tool",
    fields: [toolName],
  },
  listing_unchanged: {
    label: "Listing unchanged",
    summary: "the server's mcp_tool_listing equals its pinned list",
    fields: [{ key: "server", label: "server", kind: "text", placeholder: "calendar" }],
  },
  stop_reason: {
    label: "Stop reason",
    summary: "the response stopped for this reason",
    fields: [{ key: "value", label: "stop reason", kind: "list", placeholder: "end_turn" }],
  },
  max_input_tokens: {
    label: "Max input tokens",
    summary: "input tokens at most",
    fields: limit("tokens", "20000"),
  },
  max_output_tokens: {
    label: "Max output tokens",
    summary: "output tokens at most",
    fields: limit("tokens", "1000"),
  },
  max_latency_ms: {
    label: "Max latency",
    summary: "the run took at most (ms)",
    fields: limit("ms", "10000"),
  },
  max_cost_usd: {
    label: "Max cost",
    summary: "the run cost at most (USD)",
    fields: limit("USD", "0.05"),
  },
};

const TEXT_KEY: Partial<Record<CheckKind, "text" | "pattern">> = {
  text_contains: "text",
  text_not_contains: "text",
  text_matches: "pattern",
};

/** A new check of a kind, as the Add check menu makes it. */
export function newCheckSpec(kind: CheckKind): CheckSpec {
  switch (kind) {
    case "no_tool_errors":
      return { no_tool_errors: true };
    case "stop_reason":
      return { stop_reason: "end_turn" };
    case "max_input_tokens":
      return { max_input_tokens: 20_000 };
    case "max_output_tokens":
      return { max_output_tokens: 1000 };
    case "max_latency_ms":
      return { max_latency_ms: 10_000 };
    case "max_cost_usd":
      return { max_cost_usd: 0.05 };
    case "text_contains":
    case "text_not_contains":
    case "text_matches":
      return { [kind]: "" };
    case "tools_in_order":
      return { tools_in_order: { tools: [] } };
    case "listing_unchanged":
      return { listing_unchanged: { server: "" } };
    default:
      return { [kind]: { name: "" } };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The check's arguments as fields see them: always an object. */
function argumentsOf(kind: CheckKind, value: unknown): Record<string, unknown> {
  const textKey = TEXT_KEY[kind];
  if (textKey) return isRecord(value) ? value : { [textKey]: value };
  if (kind === "stop_reason" || CHECK_KIND_INFO[kind].fields[0]?.key === "value") return { value };
  return isRecord(value) ? value : {};
}

/** The fields' object back into the written argument. */
function argumentFrom(kind: CheckKind, fields: Record<string, unknown>): unknown {
  const textKey = TEXT_KEY[kind];
  if (textKey) return fields.ignore_case ? fields : (fields[textKey] ?? "");
  if (kind === "no_tool_errors") return true;
  if (kind === "stop_reason") {
    const list = Array.isArray(fields.value) ? fields.value : [fields.value];
    return list.length === 1 ? list[0] : list;
  }
  if (CHECK_KIND_INFO[kind].fields[0]?.key === "value") return fields.value;
  return fields;
}

function reference(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (!isRecord(entry)) return JSON.stringify(entry);
  const name = typeof entry.name === "string" ? entry.name : JSON.stringify(entry.name);
  return typeof entry.server === "string" ? `${entry.server}.${name}` : name;
}

/** What a field's input shows for a check. */
export function fieldText(kind: CheckKind, spec: CheckSpec, field: CheckField): string | boolean {
  const value = argumentsOf(kind, spec[kind])[field.key];
  if (field.kind === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (field.kind === "list")
    return (Array.isArray(value) ? value : [value]).map(reference).join(", ");
  if (field.kind === "json") return JSON.stringify(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

export type FieldEdit = { ok: true; spec: CheckSpec } | { ok: false; error: string };

/** The check with one field set from what the user typed (or an error saying what is wrong). */
export function withField(
  kind: CheckKind,
  spec: CheckSpec,
  field: CheckField,
  input: string | boolean,
): FieldEdit {
  const fields = { ...argumentsOf(kind, spec[kind]) };
  const text = typeof input === "string" ? input : "";
  if (field.kind === "boolean") {
    if (input === true) fields[field.key] = true;
    else delete fields[field.key];
  } else if (text.trim() === "" && (field.optional || field.kind !== "text")) {
    if (field.kind === "list") fields[field.key] = [];
    else delete fields[field.key];
  } else if (field.kind === "number") {
    const number = Number(text.trim());
    if (!Number.isFinite(number)) return { ok: false, error: `${field.label} is a number` };
    fields[field.key] = number;
  } else if (field.kind === "list") {
    const items = text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    fields[field.key] =
      kind === "tools_in_order"
        ? items.map((item) => {
            const dot = item.indexOf(".");
            return dot > 0 ? { server: item.slice(0, dot), name: item.slice(dot + 1) } : item;
          })
        : items;
  } else if (field.kind === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, error: `${field.label} is not JSON yet` };
    }
    if (!isRecord(parsed)) return { ok: false, error: `${field.label} is a JSON object` };
    fields[field.key] = parsed;
  } else {
    fields[field.key] = text;
  }
  return { ok: true, spec: { [kind]: argumentFrom(kind, fields) } };
}
