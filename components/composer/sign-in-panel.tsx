"use client";

import { useAppStore } from "@/components/store-provider";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { ServerDraft } from "@/lib/domain/request/types";
import { discoveryKey } from "@/lib/client/store/app-store";

const SignInPanelBody = lazyComponent(() =>
  import("./sign-in-panel-body").then((module) => module.default),
);

/**
 * OAuth for one server, shown when the server asks for it (a 401 to the discovery made with this
 * URL and token) or once a sign-in has begun. Its code loads then, not with the page.
 */
export function SignInPanel({ server, title }: { server: ServerDraft; title: string }) {
  const signingIn = useAppStore((s) => s.signIns[server.id] !== undefined);
  const refusedNow = useAppStore((s) => {
    const discovery = s.discoveries[server.id];
    return (
      discovery?.key === discoveryKey(server) &&
      discovery.status === "error" &&
      discovery.kind === "unauthorized"
    );
  });
  if (!signingIn && !refusedNow) return null;
  return <SignInPanelBody server={server} title={title} />;
}
