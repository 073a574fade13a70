// The browser's side of count_tokens: POST /api/messages/count_tokens (the key stays on the
// server, or goes as the browser's own key header), the answer read with zod.
import type { MessageCountTokensParams } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";
import type { Target } from "@/lib/domain/request/targets";
import { readRouteError, unreachableError } from "./route-error";
import { targetHeaders } from "./target-headers";

export const COUNT_TOKENS_PATH = "/api/messages/count_tokens";

const countSchema = z.looseObject({ input_tokens: z.number().int().nonnegative() });

export type TokenCountOutcome =
  { ok: true; inputTokens: number } | { ok: false; message: string; cancelled?: true };

export async function requestTokenCount(
  params: MessageCountTokensParams,
  options: { target: Target; apiKey?: string; signal?: AbortSignal; fetch?: typeof fetch },
): Promise<TokenCountOutcome> {
  const headers = targetHeaders(options.target, options.apiKey);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(COUNT_TOKENS_PATH, {
      method: "POST",
      headers,
      body: JSON.stringify(params),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, message: "Cancelled.", cancelled: true };
    return { ok: false, message: unreachableError(error, false).message };
  }
  if (!response.ok) return { ok: false, message: (await readRouteError(response)).message };
  const parsed = countSchema.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? { ok: true, inputTokens: parsed.data.input_tokens }
    : { ok: false, message: "The count could not be read." };
}
