"use client";

import { useAppStore } from "@/components/store-provider";
import { Field, Select } from "@/components/ui/field";
import { lazyComponent } from "@/components/ui/lazy-component";
import { serverFieldId } from "@/lib/domain/request/field-ids";
import type { ServerDraft } from "@/lib/domain/request/types";

/** How a server is reached: a URL (the connector), or a local process over stdio. */
export function ConnectionKind({ server, title }: { server: ServerDraft; title: string }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const id = serverFieldId(server.id, "connection");
  return (
    <Field id={id} label="Reached over">
      <Select
        id={id}
        value={server.stdio ? "stdio" : "url"}
        aria-label={`How ${title} is reached`}
        onChange={(event) =>
          updateServer(server.id, {
            stdio:
              event.target.value === "stdio"
                ? (server.stdio ?? { command: "", args: [], env: [] })
                : undefined,
          })
        }
      >
        <option value="url">URL (the connector)</option>
        <option value="stdio">stdio (client-side only)</option>
      </Select>
    </Field>
  );
}

/** The command that starts a stdio server, beside its name (loads with the stdio settings). */
export const StdioCommand = lazyComponent(() =>
  import("./stdio-settings").then((module) => module.StdioCommand),
);

/** Arguments and environment of a stdio server (their code loads only when there is one). */
export const StdioSettings = lazyComponent(() =>
  import("./stdio-settings").then((module) => module.StdioSettings),
);
