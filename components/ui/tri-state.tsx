"use client";

import { cn } from "./cn";

type TriValue = boolean | undefined;

const OPTIONS: { value: TriValue; key: string; label: string }[] = [
  { value: undefined, key: "unset", label: "inherit" },
  { value: true, key: "true", label: "true" },
  { value: false, key: "false", label: "false" },
];

/**
 * A three-way choice for one boolean field of the API: unset (inherited), true or false.
 * Rendered as a radio group so arrow keys move between the options.
 */
export function TriState({
  id,
  name,
  label,
  value,
  onChange,
  inheritedHint,
  compact = false,
}: {
  id: string;
  name: string;
  label: string;
  value: TriValue;
  onChange: (value: TriValue) => void;
  /** What "inherit" resolves to, shown on the inherit option. */
  inheritedHint?: string;
  compact?: boolean;
}) {
  return (
    <fieldset id={id} tabIndex={-1} className="min-w-0 outline-none">
      <legend className={compact ? "sr-only" : "mb-1 text-xs font-medium text-muted"}>
        {label}
      </legend>
      <div className="inline-flex rounded-md border border-line bg-sunken p-0.5">
        {OPTIONS.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={option.key}
              className={cn(
                "relative cursor-pointer rounded px-2 py-0.5 text-xs select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent",
                checked
                  ? option.value === undefined
                    ? "bg-panel text-ink shadow-sm"
                    : option.value
                      ? "bg-ok-soft text-ok shadow-sm"
                      : "bg-danger-soft text-danger shadow-sm"
                  : "text-muted hover:text-ink",
              )}
              title={
                option.value === undefined && inheritedHint
                  ? `inherits ${inheritedHint}`
                  : undefined
              }
            >
              <input
                type="radio"
                // Transparent over the whole option, so a click lands on the input itself.
                className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
                name={name}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-label={`${label}: ${option.label}`}
              />
              {option.label}
              {option.value === undefined && inheritedHint && !compact ? (
                <span className="ml-1 text-muted">({inheritedHint})</span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
