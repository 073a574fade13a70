import type { Metadata } from "next";
import { OAuthCallback } from "@/components/oauth-callback";

export const metadata: Metadata = { title: "Signing in · MCP Connector Playground" };

/** Where authorization servers send the browser back; it hands the result to the playground tab. */
export default function OAuthCallbackPage() {
  return <OAuthCallback />;
}
