import "server-only";
// POST /api/mcp/doctor: run the connection doctor for one server, through the address guard; the
// token is used for the checks only, never logged or echoed. Its HTTP exchanges come back as the
// run's protocol log (headers masked, the token redacted).
import { redactSecrets } from "@/lib/domain/api/redact";
import { z } from "zod";
import { recordedMcpConnection } from "@/lib/server/api/mcp-connection";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";
import { readJsonBody } from "@/lib/server/http/read-body";
import { requestOrigin } from "@/lib/server/http/site-settings";
import { processAddressPolicy } from "@/lib/server/settings";
import { runDoctor } from "./run";

const DOCTOR_BODY_BYTES = 64 * 1024;

const doctorRequestSchema = z.object({
  url: z.string().min(1).max(4000),
  authorization_token: z.string().max(20_000).nullish(),
  target: z.enum(["emulator", "anthropic"]).default("emulator"),
});

export async function handleDoctorRequest(
  request: Request,
  env: { allowPrivate?: boolean; timeoutMs?: number } = {},
): Promise<Response> {
  const body = await readJsonBody(request, DOCTOR_BODY_BYTES);
  if (!body.ok) return bodyRefusal(body, DOCTOR_BODY_BYTES);
  const parsed = doctorRequestSchema.safeParse(body.json);
  if (!parsed?.success)
    return errorResponse(400, "Send {url, authorization_token?, target?} as JSON.", {
      fields: { kind: "bad_request" },
    });
  const policy = { allowPrivate: env.allowPrivate ?? processAddressPolicy().allowPrivate };
  const token = parsed.data.authorization_token;
  const connection = recordedMcpConnection(request, parsed.data.url, policy, [token]);
  const report = await runDoctor(parsed.data.url, {
    target: parsed.data.target,
    authorizationToken: token,
    policy,
    ownOrigin: requestOrigin(request),
    timeoutMs: env.timeoutMs,
    fetch: connection.fetch,
    pool: connection.pool,
  });
  // What a server or a library said is quoted in checks: the token is taken out of all of it.
  return new Response(
    redactSecrets(JSON.stringify({ ...report, log: connection.log() }), [token]),
    {
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    },
  );
}
