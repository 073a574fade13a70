"use client";

import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { useStore } from "zustand";
import {
  createComposerStore,
  hydrateStore,
  type ComposerStore,
  type ComposerStoreApi,
} from "@/lib/store/composer-store";

const StoreContext = createContext<ComposerStoreApi | null>(null);

/**
 * One store per mounted playground (never a module global shared across server renders); tests
 * may hand in a store they prepared.
 */
export function StoreProvider({
  children,
  origin,
  store: given,
}: {
  children: ReactNode;
  origin: string;
  store?: ComposerStoreApi;
}) {
  const [store] = useState(() => given ?? createComposerStore({ origin }));
  useEffect(() => {
    void hydrateStore(store);
  }, [store]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useStoreApi(): ComposerStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useComposer must be used inside <StoreProvider>");
  return store;
}

export function useComposer<T>(selector: (store: ComposerStore) => T): T {
  return useStore(useStoreApi(), selector);
}

export function useHydrated(): boolean {
  const store = useStoreApi();
  return useSyncExternalStore(
    (notify) => store.persist.onFinishHydration(notify),
    () => store.persist.hasHydrated(),
    () => false,
  );
}
