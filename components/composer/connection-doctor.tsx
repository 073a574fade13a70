"use client";

import { useRef, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectTarget } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { DoctorReport } from "@/lib/domain/doctor/checks";
import type { ProtocolEntry } from "@/lib/domain/protocol/log";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import type { ServerDraft } from "@/lib/domain/request/types";

const DoctorReportView = lazyComponent(() =>
  import("./doctor-report").then((module) => module.DoctorReportView),
);

/** "Check connection": the doctor's checklist for this server, for the target chosen now. */
export function ConnectionDoctor({ server, title }: { server: ServerDraft; title: string }) {
  const target = useAppStore(selectTarget);
  const ensureFreshTokens = useAppStore((s) => s.ensureFreshTokens);
  const [state, setState] = useState<
    | { status: "idle" }
    | { status: "running" }
    | { status: "done"; report: DoctorReport; log: ProtocolEntry[] }
    | { status: "error"; message: string }
  >({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  async function run() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: "running" });
    await ensureFreshTokens([server.id]);
    // The doctor's client, its schemas and its report load with the first check.
    DoctorReportView.prefetch();
    const doctor = await import("@/lib/client/doctor/browser").catch(() => null);
    if (!doctor) {
      setState({ status: "error", message: LOAD_FAILED_MESSAGE });
      return;
    }
    const outcome = await doctor.requestDoctor(
      {
        url: server.url,
        ...(server.authorizationToken ? { authorization_token: server.authorizationToken } : {}),
        target,
      },
      current.signal,
    );
    if (current.signal.aborted) return;
    setState(
      outcome.ok
        ? { status: "done", report: outcome.report, log: outcome.log }
        : { status: "error", message: outcome.message },
    );
  }

  return (
    <div className="space-y-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => void run()}
        disabled={state.status === "running" || !server.url}
        aria-label={`Check connection to ${title}`}
      >
        {state.status === "running" ? "Checking…" : "Check connection"}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="text-xs text-danger">
          {state.message}
        </p>
      ) : null}
      {state.status === "done" ? (
        <DoctorReportView report={state.report} log={state.log} serverName={server.name} />
      ) : null}
    </div>
  );
}
