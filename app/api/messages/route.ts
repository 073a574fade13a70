import { forwardMessages } from "@/lib/api/forward-messages";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return forwardMessages(request, {
    apiKey: process.env.ANTHROPIC_API_KEY || undefined,
    baseURL: process.env.ANTHROPIC_BASE_URL || undefined,
    testHooks: process.env.PLAYGROUND_TEST_HOOKS === "1",
  });
}
