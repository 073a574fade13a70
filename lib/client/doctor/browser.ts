// The browser's side of the connection doctor: POST /api/mcp/doctor, the report checked with zod.
import { z } from "zod";
import { DOCTOR_CHECKS, type DoctorReport } from "@/lib/domain/doctor/checks";
import { readRouteError, unreachableError } from "@/lib/client/api/route-error";
import { protocolLogSchema, type ProtocolEntry } from "@/lib/domain/protocol/log";

const reportSchema = z.object({
  url: z.string(),
  target: z.enum(["emulator", "anthropic"]),
  checks: z.array(
    z.object({
      id: z.enum(DOCTOR_CHECKS),
      title: z.string(),
      status: z.enum(["pass", "warn", "fail", "skip"]),
      summary: z.string(),
      fix: z.string().optional(),
      durationMs: z.number().optional(),
      detail: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  verdict: z.object({ status: z.enum(["ok", "warn", "fail"]), message: z.string() }),
  explains: z.array(z.object({ text: z.string(), because: z.string() })),
  /** The run's HTTP exchanges; a log that does not read is left out, not the report. */
  log: protocolLogSchema.optional().catch(undefined),
});

export type DoctorOutcome =
  { ok: true; report: DoctorReport; log: ProtocolEntry[] } | { ok: false; message: string };

export async function requestDoctor(
  body: { url: string; authorization_token?: string; target: "emulator" | "anthropic" },
  signal?: AbortSignal,
): Promise<DoctorOutcome> {
  try {
    const response = await fetch("/api/mcp/doctor", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) return { ok: false, message: (await readRouteError(response)).message };
    const parsed = reportSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      const { log = [], ...report } = parsed.data;
      return { ok: true, report, log };
    }
    return { ok: false, message: "The check's answer could not be read." };
  } catch (error) {
    return { ok: false, message: unreachableError(error, signal?.aborted ?? false).message };
  }
}
