"use client";

import { useAppStore } from "@/components/store-provider";
import { usePreview } from "@/components/preview/use-preview";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";

/**
 * The composer's active environment (loaded only once one is chosen): switch between the
 * collection's environments or stop using them, see which placeholders it filled, and type the
 * values of its secret variables (kept in this tab only).
 */
export default function EnvironmentBar() {
  const active = useAppStore((s) => s.activeEnvironment);
  const setActiveEnvironment = useAppStore((s) => s.setActiveEnvironment);
  const secrets = useAppStore((s) => s.environmentSecrets);
  const setSecret = useAppStore((s) => s.setEnvironmentSecret);
  const { variablesUsed } = usePreview();
  if (!active) return null;
  const inForce = [...active.variables, ...(active.environment?.variables ?? [])];
  const secretNames = [
    ...new Set(inForce.filter((variable) => variable.secret).map((variable) => variable.name)),
  ];
  return (
    <section
      aria-label="Environment"
      data-testid="environment-bar"
      className="space-y-2 rounded-lg border border-line bg-sunken/60 p-2.5"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <label htmlFor="active-environment" className="font-medium">
          Environment
        </label>
        <Select
          id="active-environment"
          className="h-7 w-auto max-w-[60%] min-w-0 flex-1 py-0.5 text-xs sm:flex-none"
          value={active.environment?.name ?? ""}
          onChange={(event) =>
            setActiveEnvironment({
              // From the store: its secret values are blank already.
              ...active,
              environment:
                active.environments.find((entry) => entry.name === event.target.value) ?? null,
            })
          }
        >
          <option value="">Collection variables only</option>
          {active.environments.map((environment) => (
            <option key={environment.name} value={environment.name}>
              {environment.name}
            </option>
          ))}
        </Select>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          onClick={() => setActiveEnvironment(null)}
        >
          Stop using
        </Button>
      </div>
      <p className="text-[11px] break-words text-muted">
        <span
          className="inline-block max-w-full truncate align-bottom"
          title={active.collectionName}
        >
          From “{active.collectionName}”
        </span>{" "}
        <span data-testid="environment-used">
          {variablesUsed.length
            ? `· filled in ${variablesUsed.map((name) => `{{${name}}}`).join(", ")}`
            : "· no placeholder in this request"}
        </span>
      </p>
      {secretNames.length ? (
        <div className="grid gap-1.5 sm:grid-cols-2">
          {secretNames.map((name) => (
            <div key={name} className="flex items-center gap-2">
              <label
                htmlFor={`environment-secret-${name}`}
                className="shrink-0 font-mono text-[11px] text-muted"
              >
                {name}
              </label>
              <TextInput
                id={`environment-secret-${name}`}
                type="password"
                autoComplete="off"
                className="h-7 py-0.5 text-xs"
                placeholder="secret: kept in this tab only"
                value={secrets[name] ?? ""}
                onChange={(event) => setSecret(name, event.target.value)}
              />
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
