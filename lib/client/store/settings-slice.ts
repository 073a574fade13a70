// The settings slice: remembered tokens, theme, where Send goes, and the tab-only API key.
import type { SettingsSlice, SliceContext } from "./store-types";

export function createSettingsSlice({ set }: SliceContext): SettingsSlice {
  return {
    rememberTokens: false,
    theme: "system",
    target: "emulator",
    browserApiKey: "",
    restoreError: null,
    setRememberTokens: (rememberTokens) => set({ rememberTokens }),
    setTheme: (theme) => set({ theme }),
    setTarget: (target) => set({ target }),
    setBrowserApiKey: (browserApiKey) => set({ browserApiKey }),
    dismissRestoreError: () => set({ restoreError: null }),
  };
}
