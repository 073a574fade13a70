// The browser's side of the connection doctor: POST /api/mcp/doctor, the report checked with zod.
import { z } from "zod";
import { DOCTOR_CHECKS, type DoctorReport } from "@/lib/domain/doctor/checks";

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
});

export type DoctorOutcome = { ok: true; report: DoctorReport } | { ok: false; message: string };

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
    const json: unknown = await response.json().catch(() => null);
    const parsed = reportSchema.safeParse(json);
    if (parsed.success) return { ok: true, report: parsed.data };
    const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return {
      ok: false,
      message:
        typeof message === "string" ? message : `The check answered HTTP ${response.status}.`,
    };
  } catch (error) {
    return {
      ok: false,
      message: `Could not reach the playground's server: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
