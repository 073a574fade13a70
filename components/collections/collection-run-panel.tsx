"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ResponseBlocks } from "@/components/response/response-blocks";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, TextInput } from "@/components/ui/field";
import { useNow } from "@/components/ui/use-now";
import { getRun, getRunCase, listRuns, startRun } from "@/lib/client/workspace/collection-runs";
import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { envName } from "@/lib/domain/export/secrets";
import type { Target } from "@/lib/domain/request/targets";
import type { CollectionSummary } from "@/lib/domain/workspace/wire";
import type {
  RunDetail,
  RunSummary,
  WireCaseResult,
  WirePlanProblem,
} from "@/lib/domain/workspace/run-wire";

type Progress = { runId: string | null; done: number; total: number; startedAt: number };
type Change = NonNullable<RunDetail["comparison"]>["changes"][number]["change"];

const CHANGE_LABELS: Record<Change, string> = {
  started_failing: "started failing",
  now_passing: "now passing",
  still_failing: "still failing",
  new: "new",
  gone: "gone",
};

function formatCost(cost: number | null): string {
  if (cost === null) return "—";
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

/**
 * Run collection (loaded when first opened): every saved request of the collection, on the
 * emulator or the API, with its checks; progress (n of N, elapsed, Stop), a results table whose
 * rows open their response, and what changed since the run before.
 */
export default function CollectionRunPanel({ collection }: { collection: CollectionSummary }) {
  const appTarget = useAppStore((s) => s.target);
  const browserApiKey = useAppStore((s) => s.browserApiKey);
  const servers = useAppStore((s) => s.composer.servers);
  const activeEnvironment = useAppStore((s) => s.activeEnvironment);
  const environmentSecrets = useAppStore((s) => s.environmentSecrets);
  const [target, setTarget] = useState<Target>(appTarget);
  const [repeat, setRepeat] = useState("1");
  const [models, setModels] = useState("");
  const [environment, setEnvironment] = useState<string>(
    activeEnvironment?.collectionId === collection.id
      ? (activeEnvironment.environment?.name ?? "")
      : "",
  );
  const [problems, setProblems] = useState<WirePlanProblem[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<WireCaseResult[]>([]);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [openCase, setOpenCase] = useState<string | null>(null);
  const stopper = useRef<AbortController | null>(null);
  const now = useNow(250);

  /** What the browser knows for a placeholder: its secret variables, then the servers' tokens. */
  const known = useCallback(
    (name: string): string => {
      if (values[name] !== undefined) return values[name];
      if (environmentSecrets[name]) return environmentSecrets[name];
      const server = servers.find((entry) => envName("MCP_TOKEN", entry.name) === name);
      return server?.authorizationToken && !server.authorizationToken.startsWith("{{")
        ? server.authorizationToken
        : "";
    },
    [values, environmentSecrets, servers],
  );
  const missing = useMemo(
    () => [...new Set(problems.flatMap((problem) => (problem.missing ? [problem.missing] : [])))],
    [problems],
  );
  const otherProblems = problems.filter((problem) => !problem.missing);

  const showRun = useCallback(
    async (runId: string) => {
      const answer = await getRun(collection.id, runId);
      if (!answer.ok) return setError(answer.error.message);
      setDetail(answer.data);
      setResults(answer.data.cases);
      setOpenCase(null);
    },
    [collection.id],
  );
  const reloadRuns = useCallback(async () => {
    const answer = await listRuns(collection.id);
    if (answer.ok) setRuns(answer.data);
    else setError(answer.error.message);
  }, [collection.id]);
  useEffect(() => {
    // The runs this collection already has (set when the answer comes, not in the effect).
    let live = true;
    void listRuns(collection.id).then((answer) => {
      if (!live) return;
      if (answer.ok) setRuns(answer.data);
      else setError(answer.error.message);
    });
    return () => {
      live = false;
    };
  }, [collection.id]);

  const run = async () => {
    setError(null);
    setDetail(null);
    setResults([]);
    setOpenCase(null);
    const stop = new AbortController();
    stopper.current = stop;
    setProgress({ runId: null, done: 0, total: 0, startedAt: Date.now() });
    const given: Record<string, string> = {};
    for (const name of missing) if (known(name)) given[name] = known(name);
    // Tokens the composer holds for servers of this collection, for placeholders not yet asked.
    for (const server of servers) {
      const name = envName("MCP_TOKEN", server.name);
      if (!(name in given) && known(name)) given[name] = known(name);
    }
    let runId: string | null = null;
    const started = await startRun(
      collection.id,
      {
        target,
        environment: environment || null,
        values: given,
        models: models
          .split(",")
          .map((model) => model.trim())
          .filter(Boolean),
        repeat: Number(repeat) || 1,
        apiKey: target === "anthropic" ? browserApiKey || undefined : undefined,
      },
      (line) => {
        if (line.type === "start") {
          runId = line.runId;
          setProgress((current) => current && { ...current, runId: line.runId, total: line.total });
        } else if (line.type === "case") {
          setProgress((current) => current && { ...current, done: line.done, total: line.total });
          setResults((current) => [...current, line.result]);
        } else if (line.type === "error") setError(line.message);
      },
      stop.signal,
    );
    stopper.current = null;
    setProgress(null);
    if (!started.ok) {
      setProblems(started.problems);
      if (!started.problems.length) setError(started.error.message);
      return;
    }
    setProblems([]);
    await reloadRuns();
    if (runId) await showRun(runId);
  };

  const running = progress !== null;
  const elapsed = progress ? Math.max(0, (now - progress.startedAt) / 1000) : 0;
  const changes = new Map(detail?.comparison?.changes.map((entry) => [entry.key, entry]) ?? []);
  const startedFailing = detail?.comparison?.changes.filter(
    (entry) => entry.change === "started_failing",
  );
  const sorted = [...results].sort(
    (a, b) =>
      a.requestIndex - b.requestIndex ||
      a.model.localeCompare(b.model) ||
      a.repetition - b.repetition,
  );
  const idPrefix = `run-${collection.id}`;

  return (
    <section
      aria-labelledby={`${idPrefix}-heading`}
      data-testid="collection-run"
      className="mt-3 space-y-3 rounded-lg border border-line bg-sunken/40 p-3"
    >
      <h3 id={`${idPrefix}-heading`} className="text-sm font-semibold">
        Run “{collection.name}”
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${idPrefix}-target`} className="mb-0.5 block text-[11px] text-muted">
            Target
          </label>
          <Select
            id={`${idPrefix}-target`}
            className="w-auto py-1 text-xs"
            value={target}
            disabled={running}
            onChange={(event) =>
              setTarget(event.target.value === "anthropic" ? "anthropic" : "emulator")
            }
          >
            <option value="emulator">Emulator</option>
            <option value="anthropic">Anthropic API</option>
          </Select>
        </div>
        {collection.environments.length ? (
          <div>
            <label htmlFor={`${idPrefix}-env`} className="mb-0.5 block text-[11px] text-muted">
              Environment
            </label>
            <Select
              id={`${idPrefix}-env`}
              className="w-auto py-1 text-xs"
              value={environment}
              disabled={running}
              onChange={(event) => setEnvironment(event.target.value)}
            >
              <option value="">None (variables only)</option>
              {collection.environments.map((entry) => (
                <option key={entry.name} value={entry.name}>
                  {entry.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div className="w-20">
          <label htmlFor={`${idPrefix}-repeat`} className="mb-0.5 block text-[11px] text-muted">
            Repeat
          </label>
          <TextInput
            id={`${idPrefix}-repeat`}
            type="number"
            min={1}
            max={20}
            className="py-1 text-xs"
            value={repeat}
            disabled={running}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </div>
        <div className="min-w-40 flex-1">
          <label htmlFor={`${idPrefix}-models`} className="mb-0.5 block text-[11px] text-muted">
            Models (optional, comma-separated)
          </label>
          <TextInput
            id={`${idPrefix}-models`}
            className="py-1 font-mono text-xs"
            placeholder="each request's own"
            value={models}
            disabled={running}
            onChange={(event) => setModels(event.target.value)}
          />
        </div>
        {running ? (
          <Button size="sm" variant="danger" onClick={() => stopper.current?.abort()}>
            Stop
          </Button>
        ) : (
          <Button size="sm" variant="primary" onClick={() => void run()}>
            {missing.length ? "Run with these values" : "Run collection"}
          </Button>
        )}
      </div>

      {missing.length ? (
        <fieldset className="space-y-1.5 rounded-md border border-warn/60 bg-warn-soft/40 p-2">
          <legend className="px-1 text-xs font-medium">Values this run needs (never stored)</legend>
          {missing.map((name) => (
            <div key={name} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${idPrefix}-value-${name}`} className="font-mono text-xs">
                {`{{${name}}}`}
              </label>
              <TextInput
                id={`${idPrefix}-value-${name}`}
                type="password"
                autoComplete="off"
                className="w-56 py-1 text-xs"
                value={known(name)}
                onChange={(event) =>
                  setValues((current) => ({ ...current, [name]: event.target.value }))
                }
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      {otherProblems.length ? (
        <ul role="alert" className="space-y-1 text-xs text-danger" data-testid="run-problems">
          {otherProblems.map((problem, index) => (
            <li key={index}>
              {problem.request ? <strong>{problem.request}: </strong> : null}
              <code className="font-mono">{problem.path}</code> — {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}

      {progress ? (
        <div data-testid="run-progress" className="space-y-1">
          <progress
            className="h-2 w-full accent-accent"
            max={progress.total || 1}
            value={progress.done}
            aria-label="Run progress"
          />
          <p className="text-xs text-muted" aria-live="polite">
            {progress.total ? `${progress.done} of ${progress.total}` : "Starting…"} ·{" "}
            {elapsed.toFixed(1)} s
          </p>
        </div>
      ) : null}

      {detail ? (
        <p data-testid="run-summary" className="text-xs">
          <span
            className={cn(
              "font-semibold",
              detail.run.totals?.failed || detail.run.totals?.errors ? "text-danger" : "text-ok",
            )}
          >
            {detail.run.status === "stopped" ? "Stopped: " : ""}
            {detail.run.totals
              ? `${detail.run.totals.passed} of ${detail.run.totals.cases} passed`
              : detail.run.status}
          </span>
          {detail.run.totals ? (
            <span className="text-muted">
              {" "}
              · {detail.run.totals.failedChecks} failed check
              {detail.run.totals.failedChecks === 1 ? "" : "s"} · {detail.run.totals.toolErrors}{" "}
              tool error
              {detail.run.totals.toolErrors === 1 ? "" : "s"} ·{" "}
              {formatCost(detail.run.totals.costUsd)} · {detail.run.target}
            </span>
          ) : null}
          {detail.comparison ? (
            <span data-testid="run-comparison" className="block text-muted">
              Against the run before:{" "}
              {startedFailing?.length
                ? `${startedFailing.length} started failing (${startedFailing.map((entry) => entry.requestName).join(", ")})`
                : "nothing started failing"}
              .
            </span>
          ) : null}
        </p>
      ) : null}

      {sorted.length ? (
        <div
          className="overflow-x-auto rounded-md border border-line focus-visible:outline-2 focus-visible:outline-accent"
          // Focusable, so a keyboard can scroll a wide table sideways.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label="Run results"
        >
          <table className="w-full text-left text-xs" data-testid="run-results">
            <thead className="bg-sunken text-muted">
              <tr>
                <th className="px-2 py-1 font-medium">Request</th>
                <th className="px-2 py-1 font-medium">Model</th>
                <th className="px-2 py-1 font-medium">#</th>
                <th className="px-2 py-1 font-medium">Result</th>
                <th className="px-2 py-1 text-right font-medium">Latency</th>
                <th className="px-2 py-1 text-right font-medium">Tokens</th>
                <th className="px-2 py-1 text-right font-medium">Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {sorted.map((result) => {
                const change = changes.get(result.key);
                const opened = openCase === result.key;
                return (
                  <tr
                    key={result.key}
                    data-testid="run-case"
                    data-status={result.status}
                    data-change={change?.change}
                    className={cn(opened && "bg-accent-soft/40")}
                  >
                    <td className="px-2 py-1">
                      <button
                        type="button"
                        className="cursor-pointer text-left underline-offset-2 hover:underline"
                        aria-expanded={opened}
                        onClick={() => setOpenCase(opened ? null : result.key)}
                      >
                        {result.folder ? (
                          <span className="text-muted">{result.folder} / </span>
                        ) : null}
                        {result.requestName}
                      </button>
                    </td>
                    <td className="px-2 py-1 font-mono whitespace-nowrap">{result.model}</td>
                    <td className="px-2 py-1">{result.repetition}</td>
                    <td className="px-2 py-1">
                      <span
                        className={cn(
                          "rounded px-1.5 py-px text-[10px] font-bold",
                          result.status === "passed"
                            ? "bg-ok text-panel"
                            : result.status === "failed"
                              ? "bg-danger text-panel"
                              : "bg-warn text-panel",
                        )}
                      >
                        {result.status === "passed"
                          ? "PASSED"
                          : result.status === "failed"
                            ? "FAILED"
                            : "ERROR"}
                      </span>
                      {change && change.change !== "still_failing" ? (
                        <span className="ml-1 text-[11px] text-muted">
                          {CHANGE_LABELS[change.change]}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                      {result.latencyMs === null ? "—" : `${Math.round(result.latencyMs)} ms`}
                    </td>
                    <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                      {result.usage
                        ? `${result.usage.input_tokens} / ${result.usage.output_tokens}`
                        : "—"}
                    </td>
                    <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">
                      {formatCost(result.costUsd)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {sorted.length && !running && !openCase ? (
        <p className="text-[11px] text-muted">Choose a request to open its checks and response.</p>
      ) : null}
      {openCase && detail ? (
        <RunCase
          collectionId={collection.id}
          runId={detail.run.id}
          result={sorted.find((entry) => entry.key === openCase)!}
        />
      ) : null}

      {runs.length ? (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <label htmlFor={`${idPrefix}-runs`} className="text-muted">
            Earlier runs
          </label>
          <Select
            id={`${idPrefix}-runs`}
            className="w-auto py-1 text-xs"
            value={detail?.run.id ?? ""}
            disabled={running}
            onChange={(event) => event.target.value && void showRun(event.target.value)}
          >
            <option value="">Choose a run…</option>
            {runs.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {new Date(entry.startedAt).toLocaleString()} — {entry.status}
                {entry.totals ? ` · ${entry.totals.passed}/${entry.totals.cases} passed` : ""}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
    </section>
  );
}

/** One case opened: its checks with their evidence, and the response it got. */
function RunCase({
  collectionId,
  runId,
  result,
}: {
  collectionId: string;
  runId: string;
  result: WireCaseResult;
}) {
  const [content, setContent] = useState<BetaContentBlock[] | null | "loading">("loading");
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void getRunCase(collectionId, runId, result.key).then((answer) => {
      if (!live) return;
      if (answer.ok) setContent((answer.data.content as BetaContentBlock[] | null) ?? null);
      else setFailure(answer.error.message);
    });
    return () => {
      live = false;
    };
  }, [collectionId, runId, result.key]);
  return (
    <div
      data-testid="run-case-detail"
      className="space-y-2 rounded-md border border-line bg-panel p-2"
    >
      <p className="text-xs font-medium">
        {result.requestName}{" "}
        <span className="font-mono text-muted">
          [{result.model}] #{result.repetition}
        </span>
        {result.requestId ? (
          <span className="ml-2 font-mono text-muted">{result.requestId}</span>
        ) : null}
      </p>
      {result.error ? (
        <p className="text-xs text-danger" role="alert">
          Could not run: {result.error.type}: {result.error.message}
        </p>
      ) : null}
      <ul className="space-y-0.5 text-xs">
        {result.checks.map((check, index) => (
          <li key={index} data-passed={String(check.passed)}>
            <span className={cn("font-bold", check.passed ? "text-ok" : "text-danger")}>
              {check.passed ? "✓" : "✗"}
            </span>{" "}
            <code className="font-mono">{check.kind}</code>: {check.message}
          </li>
        ))}
      </ul>
      {failure ? <p className="text-xs text-danger">{failure}</p> : null}
      {content === "loading" ? (
        <p className="text-xs text-muted">Loading the response…</p>
      ) : content ? (
        <ResponseBlocks content={content} label={`Response of ${result.requestName}`} />
      ) : result.error ? null : (
        <p className="text-xs text-muted">This response was too large to keep.</p>
      )}
    </div>
  );
}
