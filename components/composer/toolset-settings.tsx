"use client";

import { useState } from "react";
import { selectDiscovery } from "@/lib/client/store/selectors";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { TriState } from "@/components/ui/tri-state";
import { configRowFieldId, serverFieldId } from "@/lib/domain/request/field-ids";
import {
  detectPattern,
  PATTERN_HINTS,
  PATTERN_LABELS,
  TOOLSET_PATTERNS,
  type ToolsetPattern,
} from "@/lib/domain/request/patterns";
import { CACHE_TTLS, type CacheTtlChoice, type ServerDraft } from "@/lib/domain/request/types";

const NEXT_STEPS: Partial<Record<ToolsetPattern | "custom", string>> = {
  allowlist: "click a tool's enabled value in the preview, or Add tool setting, to allow it.",
  denylist: "click a tool's enabled value in the preview, or Add tool setting, to deny it.",
  mixed: "Add tool setting for each tool to load up front.",
};

const CACHE_LABELS: Record<CacheTtlChoice, string> = {
  none: "No cache_control",
  "5m": "ephemeral, ttl 5m",
  "1h": "ephemeral, ttl 1h",
};

/** A server's mcp_toolset: the pattern, default_config, per-tool configs and cache_control. */
export function ToolsetSettings({ server, title }: { server: ServerDraft; title: string }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const applyPattern = useAppStore((s) => s.applyPattern);
  const addConfigRow = useAppStore((s) => s.addConfigRow);
  // A denylist with nothing listed yet is, as sent, "all tools": the chosen button stays pressed
  // (and says what to do next) until the settings say otherwise.
  const [chosen, setChosen] = useState<ToolsetPattern | null>(null);
  const detected = detectPattern(server);
  const pattern = chosen === "denylist" && detected === "all" ? chosen : detected;
  const nextStep = server.configs.length === 0 ? NEXT_STEPS[pattern] : undefined;
  const id = (field: Parameters<typeof serverFieldId>[1]) => serverFieldId(server.id, field);
  const inheritedEnabled = server.defaultConfig.enabled ?? true;
  const inheritedDefer = server.defaultConfig.deferLoading ?? false;
  return (
    <fieldset className="space-y-2 rounded-md border border-line bg-sunken/60 p-2.5">
      <legend className="px-1 text-xs font-semibold tracking-wide text-muted uppercase">
        Toolset
      </legend>
      <div role="group" aria-label={`Pattern for ${title}`} className="flex flex-wrap gap-1">
        {TOOLSET_PATTERNS.map((candidate) => (
          <Button
            key={candidate}
            size="sm"
            variant={pattern === candidate ? "primary" : "secondary"}
            aria-pressed={pattern === candidate}
            title={PATTERN_HINTS[candidate]}
            onClick={() => {
              setChosen(candidate);
              applyPattern(server.id, candidate);
            }}
          >
            {PATTERN_LABELS[candidate]}
          </Button>
        ))}
        {pattern === "custom" ? (
          <span className="self-center px-1 text-xs text-muted">custom</span>
        ) : null}
      </div>
      <p className="text-xs text-muted" data-testid="pattern-hint">
        {pattern === "custom"
          ? "Your own mix of defaults and per-tool settings."
          : PATTERN_HINTS[pattern]}
        {nextStep ? ` Nothing listed yet: ${nextStep}` : null}
      </p>

      <div className="flex flex-wrap gap-x-4 gap-y-2">
        <TriState
          id={id("default-enabled")}
          name={`${server.id}-default-enabled`}
          label="default_config.enabled"
          value={server.defaultConfig.enabled}
          inheritedHint="true"
          onChange={(enabled) =>
            updateServer(server.id, { defaultConfig: { ...server.defaultConfig, enabled } })
          }
        />
        <TriState
          id={id("default-defer")}
          name={`${server.id}-default-defer`}
          label="default_config.defer_loading"
          value={server.defaultConfig.deferLoading}
          inheritedHint="false"
          onChange={(deferLoading) =>
            updateServer(server.id, {
              defaultConfig: { ...server.defaultConfig, deferLoading },
            })
          }
        />
      </div>

      <ToolConfigRows
        server={server}
        inheritedEnabled={inheritedEnabled}
        inheritedDefer={inheritedDefer}
      />
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          const rowId = addConfigRow(server.id);
          // Let the new row render, then put the caret in its name field.
          requestAnimationFrame(() =>
            document.getElementById(configRowFieldId(server.id, rowId))?.focus(),
          );
        }}
      >
        <span aria-hidden="true">+</span> Add tool setting
      </Button>

      <Field id={id("cache")} label="cache_control">
        <Select
          id={id("cache")}
          value={server.cacheTtl}
          onChange={(event) =>
            updateServer(server.id, { cacheTtl: event.target.value as CacheTtlChoice })
          }
        >
          {CACHE_TTLS.map((ttl) => (
            <option key={ttl} value={ttl}>
              {CACHE_LABELS[ttl]}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}

function ToolConfigRows({
  server,
  inheritedEnabled,
  inheritedDefer,
}: {
  server: ServerDraft;
  inheritedEnabled: boolean;
  inheritedDefer: boolean;
}) {
  const updateConfigRow = useAppStore((s) => s.updateConfigRow);
  const removeConfigRow = useAppStore((s) => s.removeConfigRow);
  const discovery = useAppStore(selectDiscovery(server.id));
  const known = discovery?.status === "ok" ? discovery.result.tools : null;
  if (server.configs.length === 0) {
    return (
      <p className="text-xs text-muted">
        No per-tool settings: every tool follows the defaults above.
      </p>
    );
  }
  return (
    <ul aria-label={`Per-tool settings of ${server.name || "this server"}`} className="space-y-1.5">
      {server.configs.map((row) => {
        const fieldId = configRowFieldId(server.id, row.id);
        const toolLabel = row.tool.trim() || "unnamed tool";
        return (
          <li
            key={row.id}
            data-testid="config-row"
            className="grid grid-cols-[1fr_auto] items-center gap-x-2 gap-y-1.5 rounded-md border border-line bg-panel p-1.5"
          >
            <label htmlFor={fieldId} className="sr-only">
              Tool name
            </label>
            <TextInput
              id={fieldId}
              value={row.tool}
              placeholder="tool_name"
              spellCheck={false}
              autoComplete="off"
              className="h-7 py-0.5 font-mono text-xs"
              list={known ? `${fieldId}-names` : undefined}
              onChange={(event) => updateConfigRow(server.id, row.id, { tool: event.target.value })}
            />
            {/* The discovered names as suggestions: the first 50 that hold what is typed. */}
            {known ? (
              <datalist id={`${fieldId}-names`}>
                {known
                  .filter((tool) => tool.name.includes(row.tool.trim()))
                  .slice(0, 50)
                  .map((tool) => (
                    <option key={tool.name} value={tool.name} />
                  ))}
              </datalist>
            ) : null}
            <Button
              size="icon"
              variant="danger"
              aria-label={`Remove setting for ${toolLabel}`}
              onClick={() => removeConfigRow(server.id, row.id)}
            >
              ×
            </Button>
            <div className="col-span-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <div className="flex items-center gap-1">
                <span className="w-12 text-[11px] text-muted">enabled</span>
                <TriState
                  compact
                  id={`${fieldId}-enabled`}
                  name={`${row.id}-enabled`}
                  label={`enabled for ${toolLabel}`}
                  value={row.enabled}
                  inheritedHint={String(inheritedEnabled)}
                  onChange={(enabled) => updateConfigRow(server.id, row.id, { enabled })}
                />
              </div>
              <div className="flex items-center gap-1">
                <span className="w-10 text-[11px] text-muted">defer</span>
                <TriState
                  compact
                  id={`${fieldId}-defer`}
                  name={`${row.id}-defer`}
                  label={`defer_loading for ${toolLabel}`}
                  value={row.deferLoading}
                  inheritedHint={String(inheritedDefer)}
                  onChange={(deferLoading) => updateConfigRow(server.id, row.id, { deferLoading })}
                />
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
