"use client";

import { useAppStore } from "@/components/store-provider";
import type { SignInOptions } from "@/lib/client/store/oauth-state";

/**
 * Starts a sign-in from a click: the popup is opened in the click itself (so no popup blocker
 * stops it) and navigated once the authorization URL is known. False when the browser blocked it.
 */
export function useStartSignIn() {
  const signIn = useAppStore((s) => s.signIn);
  return (serverId: string, options: Omit<SignInOptions, "popup"> = {}): boolean => {
    const popup = window.open(
      "/oauth/callback",
      `mcp-oauth-${serverId}`,
      "popup,width=520,height=720",
    );
    if (!popup) return false;
    void signIn(serverId, { ...options, popup });
    return true;
  };
}
