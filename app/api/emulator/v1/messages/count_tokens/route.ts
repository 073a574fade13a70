import { handleEmulatorCountTokens } from "@/lib/server/emulator/handler";
import { guardRoute } from "@/lib/server/http/guard-route";

// The offline count_tokens: `client.beta.messages.countTokens` against ANTHROPIC_BASE_URL.
export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleEmulatorCountTokens(request),
);
