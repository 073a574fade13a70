import { cn } from "@/components/ui/cn";
import {
  describeSummary,
  OTHER_TOOLS_NAME,
  type MergedTool,
  type ResolvedValue,
} from "@/lib/toolset/merge";
import type { ServerPreview } from "@/lib/request/preview";

const SOURCE_LABELS: Record<ResolvedValue["source"], string> = {
  configs: "configs",
  default_config: "default_config",
  default: "default",
};

export function MergedTable({ server }: { server: ServerPreview }) {
  const rows: MergedTool[] = server.merge.otherTools
    ? [...server.merge.tools, server.merge.otherTools]
    : server.merge.tools;
  const name = server.name || "(unnamed)";
  return (
    <section
      aria-label={`Merged tools of ${name}`}
      className="overflow-hidden rounded-lg border border-line bg-panel"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-3 py-2">
        <h3 className="font-mono text-sm font-semibold">{name}</h3>
        <p className="text-xs text-muted" data-testid="server-summary">
          {describeSummary(server.summary)}
          {server.merge.otherTools ? " among named tools" : ""}
        </p>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Effective enabled and defer_loading of each tool of {name}
          </caption>
          <thead className="bg-sunken text-left text-[11px] tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Tool
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                enabled
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                defer_loading
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tool) => {
              const isOther = tool.name === OTHER_TOOLS_NAME;
              return (
                <tr
                  key={tool.name}
                  data-testid="merged-row"
                  data-server={server.name}
                  data-tool={tool.name}
                  data-enabled={String(tool.enabled.value)}
                  data-defer-loading={String(tool.deferLoading.value)}
                  data-enabled-source={tool.enabled.source}
                  data-defer-loading-source={tool.deferLoading.source}
                  className={cn("border-t border-line", !tool.enabled.value && "text-muted")}
                >
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {isOther ? (
                      <span className="text-muted italic">every other tool</span>
                    ) : (
                      <span
                        className={cn(
                          "font-mono text-[13px]",
                          !tool.enabled.value && "line-through",
                        )}
                      >
                        {tool.name}
                      </span>
                    )}
                  </th>
                  <td className="px-3 py-1.5">
                    <ValueCell
                      value={tool.enabled}
                      on="on"
                      off="off"
                      tone={tool.enabled.value ? "ok" : "danger"}
                    />
                  </td>
                  <td className="px-3 py-1.5">
                    <ValueCell
                      value={tool.deferLoading}
                      on="deferred"
                      off="loaded"
                      tone={
                        tool.enabled.value ? (tool.deferLoading.value ? "warn" : "plain") : "muted"
                      }
                    />
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-3 py-3 text-center text-xs text-muted">
                  This server lists no tools.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const TONES = {
  ok: "bg-ok-soft text-ok",
  danger: "bg-danger-soft text-danger",
  warn: "bg-warn-soft text-warn",
  plain: "bg-sunken text-ink",
  muted: "bg-sunken text-muted",
} as const;

function ValueCell({
  value,
  on,
  off,
  tone,
}: {
  value: ResolvedValue;
  on: string;
  off: string;
  tone: keyof typeof TONES;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <span className={cn("rounded px-1.5 py-px font-mono text-xs font-medium", TONES[tone])}>
        {String(value.value)}
        <span className="sr-only"> ({value.value ? on : off})</span>
      </span>
      <span className="text-[11px] whitespace-nowrap text-muted" title="Where this value came from">
        ← {SOURCE_LABELS[value.source]}
      </span>
    </span>
  );
}
