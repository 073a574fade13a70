"use client";

import { useEffect } from "react";
import { useAppStore } from "@/components/store-provider";
import { THEMES, type Theme } from "@/lib/client/store/app-store";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Applies the chosen theme to <html> and follows the system setting when asked to. */
export function ThemeSwitch() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);

  useEffect(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const apply = () =>
      document.documentElement.classList.toggle(
        "dark",
        theme === "dark" || (theme === "system" && media.matches),
      );
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);

  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select
        aria-label="Theme"
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
        className="rounded-md border border-line bg-panel px-1.5 py-1 text-xs text-ink"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
