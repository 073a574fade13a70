import type { Metadata } from "next";
import Link from "next/link";
import { AccessForm } from "@/components/access-form";

export const metadata: Metadata = { title: "Access · MCP Connector Playground" };

/** Where a browser proves it knows PLAYGROUND_ACCESS_TOKEN, to use the server's API key. */
export default function AccessPage() {
  return (
    <main className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-lg font-semibold">Use this playground&apos;s API key</h1>
      <p className="text-sm text-muted">
        This playground holds an Anthropic API key. Off localhost it is used only for browsers that
        know its access token (the operator&apos;s{" "}
        <code className="font-mono">PLAYGROUND_ACCESS_TOKEN</code>). Enter it once: this browser
        keeps an httpOnly cookie, never the token itself.
      </p>
      <AccessForm />
      <p className="text-sm">
        <Link href="/" className="text-accent underline">
          Back to the playground
        </Link>
      </p>
    </main>
  );
}
