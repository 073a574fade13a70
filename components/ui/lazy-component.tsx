"use client";

import { createElement, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";

/**
 * A component whose code loads when it is first wanted (or when `preload` is called), not with
 * the page. Until it has, the fallback shows; then the component replaces it. Not React.lazy:
 * Suspense holds revealed content back for up to 300 ms (to batch reveals), which a dialog
 * opening on a click must not wait for. Once loaded, new instances render it at once. A failed
 * load is thrown to the nearest error boundary, and can be tried again from there.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: (props: Props) => ReactNode = () => null,
) {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  function LazyComponent(props: Props) {
    const [component, setComponent] = useState<{ type: ComponentType<Props> } | null>(() =>
      loaded ? { type: loaded } : null,
    );
    const [failure, setFailure] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      let current = true;
      preload().then(
        (type) => current && setComponent({ type }),
        (error: unknown) => current && setFailure(error ?? new Error(LOAD_FAILED_MESSAGE)),
      );
      return () => {
        current = false;
      };
    }, [component]);
    if (failure) throw failure instanceof Error ? failure : new Error(LOAD_FAILED_MESSAGE);
    return component ? createElement(component.type, props) : fallback(props);
  }
  /** For event handlers (hover, focus): starts the load; a failure shows when it is rendered. */
  const prefetch = () => {
    preload().catch(() => undefined);
  };
  return Object.assign(LazyComponent, { preload, prefetch });
}
