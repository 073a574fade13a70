// The "Deferred tools demo" state, apart from the composer's module: it loads on its click.
import {
  createConfigRow,
  createDefaultState,
  createServer,
  DEFAULT_ORIGIN,
  type NewId,
} from "./composer";
import type { ComposerState } from "./types";
import { demoServerFields } from "@/lib/domain/demo/servers";

/**
 * The deferred-tools demo: the 500-tool catalog deferred behind BM25 tool search (one tool up
 * front), and a message that names a deferred tool, so Send shows search → result → call → answer.
 */
export function createDeferredToolsDemo(
  newId: NewId,
  origin: string = DEFAULT_ORIGIN,
): ComposerState {
  return {
    ...createDefaultState(newId, origin),
    message: "Use billing_export_040 to export the billing records.",
    toolSearch: "bm25",
    servers: [
      createServer(newId, {
        ...demoServerFields("catalog", origin),
        defaultConfig: { deferLoading: true },
        configs: [createConfigRow(newId, { tool: "billing_get_000", deferLoading: false })],
      }),
    ],
  };
}
