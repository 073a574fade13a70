"use client";

import { lazyComponent } from "@/components/ui/lazy-component";

/**
 * How a server is reached: a URL (the connector), or a local process over stdio. Its code loads
 * after the page with the stdio settings; the field's place is kept meanwhile.
 */
export const ConnectionKind = lazyComponent(
  () => import("./stdio-settings").then((module) => module.ConnectionKind),
  () => <div className="h-[3.4rem]" />,
);

/** The command that starts a stdio server, beside its name (loads with the stdio settings). */
export const StdioCommand = lazyComponent(() =>
  import("./stdio-settings").then((module) => module.StdioCommand),
);

/** Arguments and environment of a stdio server (their code loads only when there is one). */
export const StdioSettings = lazyComponent(() =>
  import("./stdio-settings").then((module) => module.StdioSettings),
);
