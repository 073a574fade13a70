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
  createAppStore,
  hydrateStore,
  type AppStore,
  type AppStoreApi,
} from "@/lib/client/store/app-store";

const StoreContext = createContext<AppStoreApi | null>(null);

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
  store?: AppStoreApi;
}) {
  const [store] = useState(() => given ?? createAppStore({ origin }));
  useEffect(() => {
    void hydrateStore(store);
  }, [store]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for an event handler that must read the state after an await. */
export function useStoreApi(): AppStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useAppStore must be used inside <StoreProvider>");
  return store;
}

export function useAppStore<T>(selector: (store: AppStore) => T): T {
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
