"use client";

import {
  createContext,
  useContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { useAppStore } from "@/components/store-provider";
import {
  derivePreview,
  type DiscoveryProblemFinder,
  type Preview,
  type RequestValidator,
} from "@/lib/domain/request/preview";
import {
  discoveredToolsByServer,
  discoveryFailuresByServer,
  selectComposer,
  selectResolvedComposer,
  selectTarget,
  selectVariableValues,
} from "@/lib/client/store/selectors";
import type { ComposerState } from "@/lib/domain/request/types";

const PreviewContext = createContext<Preview | null>(null);

interface Rules {
  validate: RequestValidator;
  findDiscoveryProblems: DiscoveryProblemFinder;
}

/** The API's rules, loaded once per page right after the first paint (not with the page). */
let rulesLoad: Promise<Rules> | null = null;
function loadRules(): Promise<Rules> {
  rulesLoad ??= Promise.all([
    import("@/lib/domain/toolset/validate"),
    import("@/lib/domain/request/discovery-problems"),
  ]).then(
    ([rules, discovery]) => ({
      validate: rules.validateRequest,
      findDiscoveryProblems: discovery.findDiscoveryProblems,
    }),
    (error: unknown) => {
      rulesLoad = null;
      throw error;
    },
  );
  return rulesLoad;
}

export type RulesState =
  { status: "loading" } | ({ status: "ready" } & Rules) | { status: "failed"; retry: () => void };

function useRules(): RulesState {
  const [state, setState] = useState<RulesState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadRules().then(
      (rules) => live && setState({ status: "ready", ...rules }),
      () =>
        live &&
        setState({
          status: "failed",
          retry: () => {
            setState({ status: "loading" });
            setAttempt((count) => count + 1);
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return state;
}

const RulesContext = createContext<RulesState>({ status: "loading" });

/**
 * Derives the preview once per edit for the whole page (tabs, preview pane, Get code), rather
 * than once per component that shows part of it. Derived, never stored.
 */
export function PreviewProvider({ children }: { children: ReactNode }) {
  // Typing in the message or the system prompt: the key press paints its character first, and
  // the preview (the rules over the whole request, the Request JSON, the totals) follows in a
  // render of its own that the next key may interrupt — with 10,000 tools discovered that keeps
  // a keystroke within two frames. Any other edit (a click on a merged value) shows at once.
  const current = useAppStore(selectComposer);
  const deferred = useDeferredValue(current);
  const composer = onlyPromptsDiffer(current, deferred) ? deferred : current;
  const resolvedServers = useAppStore((s) => selectResolvedComposer(s).state.servers);
  const discoveries = useAppStore((s) => s.discoveries);
  const variables = useAppStore(selectVariableValues);
  const environmentName = useAppStore((s) =>
    s.activeEnvironment ? (s.activeEnvironment.environment?.name ?? "collection variables") : null,
  );
  const target = useAppStore(selectTarget);
  const rules = useRules();
  const validate = rules.status === "ready" ? rules.validate : null;
  const findDiscoveryProblems = rules.status === "ready" ? rules.findDiscoveryProblems : null;
  const preview = useMemo(
    () =>
      derivePreview(composer, {
        target,
        discoveredTools: discoveredToolsByServer(resolvedServers, discoveries),
        discoveryFailures: discoveryFailuresByServer(resolvedServers, discoveries),
        findDiscoveryProblems,
        validate,
        variables,
        environmentName,
      }),
    [
      composer,
      resolvedServers,
      target,
      discoveries,
      validate,
      findDiscoveryProblems,
      variables,
      environmentName,
    ],
  );
  return (
    <RulesContext.Provider value={rules}>
      <PreviewContext.Provider value={preview}>{children}</PreviewContext.Provider>
    </RulesContext.Provider>
  );
}

/** Whether two composer states differ at most in the text of the message and system prompt. */
function onlyPromptsDiffer(a: ComposerState, b: ComposerState): boolean {
  for (const key of Object.keys(a) as (keyof ComposerState)[])
    if (key !== "message" && key !== "system" && a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

export function usePreview(): Preview {
  const preview = useContext(PreviewContext);
  if (!preview) throw new Error("usePreview must be used inside <PreviewProvider>");
  return preview;
}

/** Whether the API's rules are loaded (the problems list says so while they are not). */
export function useRulesState(): RulesState {
  return useContext(RulesContext);
}
