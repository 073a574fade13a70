// What /api/target tells the browser about the server's own key (whether one is set and usable
// here, never the key). Loaded after the page, with the answer it checks.
import { z } from "zod";

export const serverInfoSchema = z.object({
  serverHasKey: z.boolean(),
  customBaseUrl: z.boolean(),
  serverKeyUsable: z.boolean(),
  accessConfigured: z.boolean(),
  accessGranted: z.boolean(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

/** The server's answer, or null when it is not what the route sends. */
export function parseServerInfo(json: unknown): ServerInfo | null {
  const parsed = serverInfoSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
