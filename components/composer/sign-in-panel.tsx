"use client";

import { useAppStore } from "@/components/store-provider";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { ServerDraft } from "@/lib/domain/request/types";
import { selectOffersSignIn, selectSigningIn } from "@/lib/client/store/selectors";

const SignInPanelBody = lazyComponent(() =>
  import("./sign-in-panel-body").then((module) => module.default),
);

/**
 * OAuth for one server, shown when the server asks for it (a 401 to the discovery made with this
 * URL and token, from a server that advertises OAuth) or once a sign-in has begun. Its code loads then, not with the page.
 */
export function SignInPanel({ server, title }: { server: ServerDraft; title: string }) {
  const signingIn = useAppStore(selectSigningIn(server.id));
  const offered = useAppStore(selectOffersSignIn(server.id));
  if (!signingIn && !offered) return null;
  return <SignInPanelBody server={server} title={title} />;
}
