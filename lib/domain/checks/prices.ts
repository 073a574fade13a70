// What a run cost, for `max_cost_usd`: list prices in USD per million tokens (docs/checks.md keeps
// the same table). A model not listed has no price, and the check says so rather than guessing.
// Cache writes cost 1.25× the input price (5-minute TTL) or 2× (1 hour), cache reads 0.1×; the
// MCP connector itself adds nothing.

export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** Published list prices (anthropic.com/pricing); keyed by model id without a date suffix. */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-opus-4-6": { inputPerMTok: 5, outputPerMTok: 25 },
  "claude-opus-4-5": { inputPerMTok: 5, outputPerMTok: 25 },
  "claude-opus-4-1": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-opus-4-0": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-opus-4": { inputPerMTok: 15, outputPerMTok: 75 },
  "claude-sonnet-4-6": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-sonnet-4-5": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-sonnet-4-0": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-sonnet-4": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-3-7-sonnet": { inputPerMTok: 3, outputPerMTok: 15 },
  "claude-haiku-4-5": { inputPerMTok: 1, outputPerMTok: 5 },
  "claude-3-5-haiku": { inputPerMTok: 0.8, outputPerMTok: 4 },
  "claude-3-haiku": { inputPerMTok: 0.25, outputPerMTok: 1.25 },
};

/** The usage fields a cost is made of (a `BetaUsage`, or any part of one). */
export interface PricedUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
}

/** The price of a model id, its date suffix (`-20250929`) or `-latest` ignored. */
export function priceOf(model: string): ModelPrice | null {
  const base = model.trim().replace(/-(\d{8}|latest)$/, "");
  return MODEL_PRICES[base] ?? null;
}

/** USD for one response's usage, or null when the model has no known price. */
export function costUsd(model: string, usage: PricedUsage): number | null {
  const price = priceOf(model);
  if (!price) return null;
  const perToken = price.inputPerMTok / 1_000_000;
  const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const written = usage.cache_creation_input_tokens ?? 0;
  const fiveMinutes = Math.max(0, written - oneHour);
  const input =
    usage.input_tokens * perToken +
    fiveMinutes * perToken * 1.25 +
    oneHour * perToken * 2 +
    (usage.cache_read_input_tokens ?? 0) * perToken * 0.1;
  return input + (usage.output_tokens * price.outputPerMTok) / 1_000_000;
}
