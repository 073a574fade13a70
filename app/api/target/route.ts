import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** What the browser may know about the server's target: whether a key is set, never the key. */
export function GET() {
  return NextResponse.json({
    serverHasKey: Boolean(process.env.ANTHROPIC_API_KEY),
    customBaseUrl: Boolean(process.env.ANTHROPIC_BASE_URL),
  });
}
