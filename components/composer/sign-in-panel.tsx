"use client";

import { useAppStore } from "@/components/store-provider";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { ServerDraft } from "@/lib/domain/request/types";
import { selectRefusedUnauthorized, selectSigningIn } from "@/lib/client/store/selectors";

const SignInPanelBody = lazyComponent(() =>
  import("./sign-in-panel-body").then((module) => module.default),
);

/**
 * OAuth for one server, shown when the server asks for it (a 401 to the discovery made with this
 * URL and token) or once a sign-in has begun. Its code loads then, not with the page.
 */
export function SignInPanel({ server, title }: { server: ServerDraft; title: string }) {
  const signingIn = useAppStore(selectSigningIn(server.id));
  const refusedNow = useAppStore(selectRefusedUnauthorized(server.id));
  if (!signingIn && !refusedNow) return null;
  return <SignInPanelBody server={server} title={title} />;
}
