"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import {
  EFFORTS,
  MIN_THINKING_BUDGET,
  SERVICE_TIERS,
  type RequestOptions,
} from "@/lib/domain/request/options";

// Request options (thinking, effort, structured output, stop sequences, tool_choice, metadata,
// service tier), folded under the request fields. Each writes the option as the SDK types it; an
// unset field leaves the option out of the request. The API's rules for them are in the problems.

type Thinking = "off" | "enabled" | "disabled" | "adaptive";
type Choice = "default" | "auto" | "any" | "none" | "tool";

export function RequestOptionsSection() {
  const options = useAppStore((s) => s.composer.options) ?? {};
  const maxTokens = useAppStore((s) => s.composer.maxTokens);
  const setField = useAppStore((s) => s.setField);
  const set = (patch: Partial<RequestOptions>) => {
    const next: Record<string, unknown> = { ...options, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    setField("options", Object.keys(next).length ? (next as RequestOptions) : undefined);
  };
  const count = Object.keys(options).length;
  // A thinking shape this section does not offer (between_tools) shows as not sent; the problems
  // and the request JSON still show it.
  const thinkingType = options.thinking?.type;
  const thinking: Thinking =
    thinkingType === "enabled" || thinkingType === "disabled" || thinkingType === "adaptive"
      ? thinkingType
      : "off";
  const budget = options.thinking?.type === "enabled" ? options.thinking.budget_tokens : undefined;
  const choice: Choice = options.tool_choice?.type ?? "default";
  const effort = options.output_config?.effort ?? "";
  const format = options.output_config?.format ?? null;

  const setOutputConfig = (patch: Partial<NonNullable<RequestOptions["output_config"]>>) => {
    const next: Record<string, unknown> = { ...options.output_config, ...patch };
    for (const key of Object.keys(next)) if (next[key] == null) delete next[key];
    set({ output_config: Object.keys(next).length ? next : undefined });
  };

  return (
    <details className="rounded-md border border-line" open={count > 0 || undefined}>
      <summary className="cursor-pointer px-2.5 py-1.5 text-xs font-medium text-muted">
        Request options{count ? ` · ${count} set` : ""}{" "}
        <span className="font-normal">(thinking, effort, structured output, tool_choice, …)</span>
      </summary>
      <div className="grid grid-cols-1 gap-2 border-t border-line p-2.5 sm:grid-cols-2">
        <Field id="option-thinking" label="thinking">
          <Select
            id="option-thinking"
            value={thinking}
            onChange={(event) => {
              const value = event.target.value as Thinking;
              set({
                thinking:
                  value === "off"
                    ? undefined
                    : value === "enabled"
                      ? {
                          type: "enabled",
                          budget_tokens: Math.max(
                            MIN_THINKING_BUDGET,
                            Math.min(4096, Math.floor((maxTokens || 2048) / 2)),
                          ),
                        }
                      : { type: value },
              });
            }}
          >
            <option value="off">(not sent)</option>
            <option value="enabled">enabled, with a budget</option>
            <option value="adaptive">adaptive</option>
            <option value="disabled">disabled</option>
          </Select>
        </Field>
        {thinking === "enabled" ? (
          <Field
            id="option-budget"
            label="thinking.budget_tokens"
            hint={`At least ${MIN_THINKING_BUDGET}, and less than max_tokens.`}
          >
            <TextInput
              id="option-budget"
              type="number"
              min={MIN_THINKING_BUDGET}
              inputMode="numeric"
              value={budget ?? ""}
              aria-describedby="option-budget-hint"
              onChange={(event) =>
                set({
                  thinking: {
                    type: "enabled",
                    budget_tokens: Number.isFinite(event.target.valueAsNumber)
                      ? event.target.valueAsNumber
                      : 0,
                  },
                })
              }
            />
          </Field>
        ) : null}
        <Field id="option-effort" label="output_config.effort">
          <Select
            id="option-effort"
            value={effort}
            onChange={(event) =>
              setOutputConfig({
                effort: (event.target.value || undefined) as (typeof EFFORTS)[number] | undefined,
              })
            }
          >
            <option value="">(not sent)</option>
            {EFFORTS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="option-tool-choice" label="tool_choice">
          <Select
            id="option-tool-choice"
            value={choice}
            onChange={(event) => {
              const value = event.target.value as Choice;
              set({
                tool_choice:
                  value === "default"
                    ? undefined
                    : value === "tool"
                      ? { type: "tool", name: "" }
                      : { type: value },
              });
            }}
          >
            <option value="default">(not sent: auto)</option>
            <option value="auto">auto</option>
            <option value="any">any — must use a tool</option>
            <option value="none">none — no tools</option>
            <option value="tool">one tool, by name</option>
          </Select>
        </Field>
        {options.tool_choice?.type === "tool" ? (
          <Field id="option-tool-name" label="tool_choice.name">
            <TextInput
              id="option-tool-name"
              value={options.tool_choice.name}
              spellCheck={false}
              onChange={(event) => set({ tool_choice: { type: "tool", name: event.target.value } })}
            />
          </Field>
        ) : null}
        <Field id="option-tier" label="service_tier">
          <Select
            id="option-tier"
            value={options.service_tier ?? ""}
            onChange={(event) =>
              set({
                service_tier: (event.target.value || undefined) as RequestOptions["service_tier"],
              })
            }
          >
            <option value="">(not sent)</option>
            {SERVICE_TIERS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="option-user-id"
          label="metadata.user_id"
          hint="An opaque id (a UUID or a hash), never a name or an e-mail address."
        >
          <TextInput
            id="option-user-id"
            value={options.metadata?.user_id ?? ""}
            spellCheck={false}
            aria-describedby="option-user-id-hint"
            onChange={(event) =>
              set({ metadata: event.target.value ? { user_id: event.target.value } : undefined })
            }
          />
        </Field>
        <Field
          id="option-stops"
          label="stop_sequences"
          hint="One per line."
          className="sm:col-span-2"
        >
          <TextArea
            id="option-stops"
            rows={2}
            aria-describedby="option-stops-hint"
            value={(options.stop_sequences ?? []).join("\n")}
            onChange={(event) => {
              const lines = event.target.value.split("\n");
              set({ stop_sequences: event.target.value === "" ? undefined : lines });
            }}
          />
        </Field>
        <StructuredOutput
          schema={format?.schema ?? null}
          onChange={(schema) =>
            setOutputConfig({ format: schema ? { type: "json_schema", schema } : undefined })
          }
        />
      </div>
    </details>
  );
}

/** output_config.format: a JSON schema, edited as JSON; a text that does not read is kept and marked. */
function StructuredOutput({
  schema,
  onChange,
}: {
  schema: Record<string, unknown> | null;
  onChange: (schema: Record<string, unknown> | null) => void;
}) {
  const [text, setText] = useState(schema ? JSON.stringify(schema, null, 2) : "");
  const [error, setError] = useState("");
  return (
    <Field
      id="option-format"
      label="output_config.format (JSON schema for structured output)"
      className="sm:col-span-2"
      hint={error || "Empty: no structured output. The answer's text is JSON matching this schema."}
    >
      <TextArea
        id="option-format"
        rows={3}
        className="font-mono text-xs"
        spellCheck={false}
        placeholder='{"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]}'
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby="option-format-hint"
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (value.trim() === "") {
            setError("");
            onChange(null);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(value);
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
              setError("Not a JSON object yet: the schema sent is the last one that read.");
              return;
            }
            setError("");
            onChange(parsed as Record<string, unknown>);
          } catch {
            setError("Not valid JSON yet: the schema sent is the last one that read.");
          }
        }}
      />
    </Field>
  );
}
