// The run slice: Send (through the route; streamed progress throttled), Cancel, and continuing
// the conversation. The sender and its schemas load on the first Send, not with the page.
import type { sendMessages } from "@/lib/client/api/send-request";
import { buildRequest } from "@/lib/domain/request/build-request";
import * as conversation from "@/lib/domain/request/conversation";
import type { StreamSnapshot } from "@/lib/domain/stream/accumulate";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { serversDueForRefresh } from "./oauth-state";
import { loadRunHistory } from "./run-history-loader";
import { selectResolvedComposer } from "./selectors";
import type { RunSlice, SliceContext } from "./store-types";

/** Starts loading the sender (a pointer on Send), so the first Send does not wait for it. */
export function prefetchSender(): void {
  import("@/lib/client/api/send-request").catch(() => undefined);
}

const loadSender: typeof sendMessages = async (request, options) => {
  const sender = await import("@/lib/client/api/send-request").catch(() => null);
  if (!sender)
    return {
      ok: false,
      error: { status: 0, type: "app_load_error", message: LOAD_FAILED_MESSAGE, requestId: null },
      raw: null,
      partial: null,
      latencyMs: 0,
      firstEventMs: null,
      streamed: false,
      target: options.target,
    };
  return sender.sendMessages(request, options);
};

export function createRunSlice({ set, get, options, newId, now }: SliceContext): RunSlice {
  const send = options.send ?? loadSender;
  return {
    run: { status: "idle" },
    send: async () => {
      const previous = get().run;
      if (previous.status === "sending") previous.controller.abort();
      const controller = new AbortController();
      // Signed-in servers whose token ran out get a fresh one first.
      if (serversDueForRefresh(get(), now()).length) await get().ensureFreshTokens();
      const { target, browserApiKey, composer: sentComposer } = get();
      // Sent with the environment's values; the history keeps the request as written.
      const request = buildRequest(selectResolvedComposer(get()).state);
      const startedAt = now();
      set({ run: { status: "sending", startedAt, controller, snapshot: null } });
      const isCurrent = () => {
        const current = get().run;
        return current.status === "sending" && current.controller === controller;
      };
      const showProgress = throttled((snapshot: StreamSnapshot) => {
        const current = get().run;
        if (isCurrent() && current.status === "sending") set({ run: { ...current, snapshot } });
      });
      const outcome = await send(request, {
        target,
        apiKey: browserApiKey || undefined,
        signal: controller.signal,
        onProgress: showProgress,
      });
      showProgress.cancel();
      const runId = newId();
      // The answer shows at once; the run is recorded once the history's code is there.
      const recorded = loadRunHistory().then(
        ({ createRunRecord }) =>
          get().recordRun(createRunRecord(runId, startedAt, sentComposer, outcome)),
        () => undefined,
      );
      // A newer Send took over: its answer, not this one, belongs on screen.
      if (isCurrent()) set({ run: { status: "done", outcome, request, runId } });
      await recorded;
    },
    cancel: () => {
      const run = get().run;
      if (run.status === "sending") run.controller.abort();
    },
    continueConversation: () => {
      const run = get().run;
      if (run.status !== "done" || !run.outcome.ok) return;
      const answer = run.outcome.message.content;
      set((store) => ({
        composer: conversation.continueConversation(
          store.composer,
          run.request.messages,
          answer,
          newId,
        ),
        run: { status: "idle" },
      }));
    },
    rerunFrom: async (turnId) => {
      const rewound = conversation.rewindToTurn(get().composer, turnId);
      if (!rewound) return;
      set({ composer: rewound });
      await get().send();
    },
  };
}

/**
 * Streams can bring hundreds of events a second: the screen needs far fewer updates. A timer
 * rather than requestAnimationFrame, which a busy or hidden page may hold back for seconds.
 */
function throttled<T>(
  apply: (value: T) => void,
  ms = 32,
): ((value: T) => void) & { cancel: () => void } {
  let latest: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (latest) apply(latest.value);
    latest = null;
  };
  const call = (value: T) => {
    const first = timer === null && latest === null;
    latest = { value };
    // The first event shows at once; the ones after it wait for the next tick of the throttle.
    if (first) flush();
    timer ??= setTimeout(flush, ms);
  };
  return Object.assign(call, {
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  });
}
