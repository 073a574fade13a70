// A saved state is untrusted: each part is checked with its schema, a part that fails is dropped
// and the person told. Loaded only when the browser holds a saved state.
import { z } from "zod";
import { TARGETS } from "@/lib/domain/request/targets";
import { oauthSessionSchema } from "@/lib/domain/oauth/session-schema";
import { parseComposerState } from "@/lib/domain/request/schema";
import { THEMES, type AppStore } from "./store-types";

const persistedShape = z.object({
  composer: z.unknown(),
  rememberTokens: z.boolean().optional(),
  theme: z.enum(THEMES).optional(),
  target: z.enum(TARGETS).optional(),
  oauthSessions: z.unknown().optional(),
});

const RESTORE_ERROR = "The saved composer state could not be read, so the defaults are shown.";

export function mergePersisted(persisted: unknown, current: AppStore): AppStore {
  if (persisted === undefined || persisted === null) return current;
  const shape = persistedShape.safeParse(persisted);
  if (!shape.success) return { ...current, restoreError: RESTORE_ERROR };
  const restored = parseComposerState(shape.data.composer);
  const sessions = z.record(z.string(), oauthSessionSchema).safeParse(shape.data.oauthSessions);
  const signIns =
    restored.success && sessions.success
      ? Object.fromEntries(
          Object.entries(sessions.data)
            .filter(([serverId]) => restored.data.servers.some((server) => server.id === serverId))
            .map(([serverId, session]) => [
              serverId,
              { status: "signed-in" as const, session, steps: [], failure: null },
            ]),
        )
      : current.signIns;
  return {
    ...current,
    signIns,
    rememberTokens: shape.data.rememberTokens ?? current.rememberTokens,
    theme: shape.data.theme ?? current.theme,
    target: shape.data.target ?? current.target,
    ...(restored.success ? { composer: restored.data } : { restoreError: RESTORE_ERROR }),
  };
}
