import "server-only";
// POST /api/mcp/doctor: run the connection doctor for one server, through the address guard; the
// token is used for the checks only, never logged or echoed.
import { redactSecrets } from "@/lib/domain/api/redact";
import { z } from "zod";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";

const DOCTOR_BODY_BYTES = 64 * 1024;
import { clientKey } from "@/lib/server/http/rate-limit";
import { readJsonBody } from "@/lib/server/http/read-body";
import { requestOrigin } from "@/lib/server/http/site-settings";
import { processAddressPolicy } from "@/lib/server/settings";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { runDoctor } from "./run";

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
  const origin = requestOrigin(request);
  const inProcess = demoServersInProcess(origin);
  const report = await runDoctor(parsed.data.url, {
    target: parsed.data.target,
    authorizationToken: parsed.data.authorization_token,
    policy,
    ownOrigin: origin,
    timeoutMs: env.timeoutMs,
    fetch: createGuardedFetch({ policy, inProcess }),
    pool: inProcess.serves?.(parsed.data.url) ? null : { client: clientKey(request) },
  });
  // What a server or a library said is quoted in checks: the token is taken out of all of it.
  return new Response(redactSecrets(JSON.stringify(report), [parsed.data.authorization_token]), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
