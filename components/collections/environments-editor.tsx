"use client";

import { useId, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { updateCollection } from "@/lib/client/workspace/workspace-client";
import { withoutSecretValues } from "@/lib/client/store/environment-storage";
import { looksSecret, VARIABLE_NAME } from "@/lib/domain/workspace/variable-names";
import type { Environment, Variable } from "@/lib/domain/workspace/variables";
import type { CollectionSummary } from "@/lib/domain/workspace/wire";

interface Draft {
  variables: Variable[];
  environments: Environment[];
}

/** What is wrong with a draft, in words, before anything is sent; null when it is fine. */
export function draftProblem({ variables, environments }: Draft): string | null {
  const names = (list: Variable[], where: string) => {
    const seen = new Set<string>();
    for (const variable of list) {
      if (!VARIABLE_NAME.test(variable.name))
        return `${where}: “${variable.name}” is not a variable name (letters, digits and _, not first a digit).`;
      if (seen.has(variable.name)) return `${where}: ${variable.name} is there twice.`;
      seen.add(variable.name);
    }
    return null;
  };
  const environmentNames = new Set<string>();
  for (const environment of environments) {
    const name = environment.name.trim();
    if (!name) return "Every environment needs a name.";
    if (environmentNames.has(name)) return `Two environments are called “${name}”.`;
    environmentNames.add(name);
  }
  return (
    names(variables, "Collection variables") ??
    environments.reduce<string | null>(
      (found, environment) =>
        found ?? names(environment.variables, `Environment “${environment.name}”`),
      null,
    )
  );
}

/**
 * A collection's variables and environments, edited as tables: name, value, and Secret (a secret
 * value is typed here, kept in this tab only, and never sent to the server). Save stores them;
 * Use makes one the composer's active environment.
 */
export function EnvironmentsEditor({
  collection,
  say,
  onSaved,
}: {
  collection: CollectionSummary;
  say: (message: string, error?: boolean) => void;
  /** After a save: the collection's list is read again. */
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    variables: collection.variables,
    environments: collection.environments,
  });
  const [busy, setBusy] = useState(false);
  const active = useAppStore((s) => s.activeEnvironment);
  const setEnvironment = useAppStore((s) => s.setActiveEnvironment);
  const setActiveEnvironment = (next: Parameters<typeof withoutSecretValues>[0]) =>
    setEnvironment(withoutSecretValues(next));
  const problem = draftProblem(draft);

  async function save() {
    if (problem) return;
    setBusy(true);
    const cleaned: Draft = {
      variables: draft.variables,
      environments: draft.environments.map((environment) => ({
        ...environment,
        name: environment.name.trim(),
      })),
    };
    const answer = await updateCollection(collection.id, cleaned);
    setBusy(false);
    if (!answer.ok) return say(`Environments not saved: ${answer.error.message}`, true);
    // The composer resolves with what was saved, when it uses this collection.
    if (active?.collectionId === collection.id) {
      const environment = active.environment
        ? (cleaned.environments.find((entry) => entry.name === active.environment!.name) ?? null)
        : null;
      setActiveEnvironment({
        ...active,
        variables: cleaned.variables,
        environment,
        environments: cleaned.environments,
      });
    }
    say(`Saved the environments of “${collection.name}”.`);
    onSaved();
  }

  function use(environment: Environment | null) {
    setActiveEnvironment({
      collectionId: collection.id,
      collectionName: collection.name,
      variables: draft.variables,
      environment,
      environments: draft.environments,
    });
    say(
      environment
        ? `The composer now uses environment “${environment.name}”.`
        : `The composer now uses the variables of “${collection.name}”.`,
    );
  }

  const isActive = (name: string | null) =>
    active?.collectionId === collection.id && (active.environment?.name ?? null) === name;

  return (
    <section aria-label="Environments" className="mt-3 space-y-3" data-testid="environments-editor">
      <p className="text-xs text-muted">
        <code>{"{{NAME}}"}</code> in a request&apos;s URLs, token, model, system prompt or messages
        takes the active environment&apos;s value, else the collection&apos;s. Secret values stay in
        this tab and are never stored.
      </p>
      <VariableTable
        title="Collection variables (every environment)"
        variables={draft.variables}
        onChange={(variables) => setDraft({ ...draft, variables })}
        action={
          <Button
            size="sm"
            variant={isActive(null) ? "primary" : "secondary"}
            aria-pressed={isActive(null)}
            onClick={() => use(null)}
          >
            {isActive(null) ? "In use" : "Use these alone"}
          </Button>
        }
      />
      {draft.environments.map((environment, index) => {
        const replace = (next: Environment | null) =>
          setDraft({
            ...draft,
            environments: next
              ? draft.environments.map((entry, at) => (at === index ? next : entry))
              : draft.environments.filter((_, at) => at !== index),
          });
        return (
          <VariableTable
            key={index}
            title={
              <TextInput
                aria-label={`Environment ${index + 1} name`}
                value={environment.name}
                maxLength={100}
                className="h-7 max-w-48 py-0.5 font-semibold"
                onChange={(event) => replace({ ...environment, name: event.target.value })}
              />
            }
            variables={environment.variables}
            onChange={(variables) => replace({ ...environment, variables })}
            action={
              <>
                <Button
                  size="sm"
                  variant={isActive(environment.name) ? "primary" : "secondary"}
                  aria-pressed={isActive(environment.name)}
                  disabled={!environment.name.trim()}
                  onClick={() => use(environment)}
                >
                  {isActive(environment.name) ? "In use" : "Use"}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove environment ${environment.name || index + 1}`}
                  onClick={() => replace(null)}
                >
                  Remove
                </Button>
              </>
            }
          />
        );
      })}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={draft.environments.length >= 50}
          onClick={() =>
            setDraft({
              ...draft,
              environments: [
                ...draft.environments,
                { name: `env ${draft.environments.length + 1}`, variables: [] },
              ],
            })
          }
        >
          Add environment
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={busy || problem !== null}
          onClick={() => void save()}
        >
          {busy ? "Saving…" : "Save environments"}
        </Button>
        {problem ? (
          <p role="alert" className="text-xs text-danger">
            {problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function VariableTable({
  title,
  variables,
  onChange,
  action,
}: {
  title: React.ReactNode;
  variables: Variable[];
  onChange: (variables: Variable[]) => void;
  action: React.ReactNode;
}) {
  const id = useId();
  const secrets = useAppStore((s) => s.environmentSecrets);
  const setSecret = useAppStore((s) => s.setEnvironmentSecret);
  const update = (index: number, next: Variable | null) =>
    onChange(
      next
        ? variables.map((entry, at) => (at === index ? next : entry))
        : variables.filter((_, at) => at !== index),
    );
  return (
    <fieldset className="rounded-md border border-line p-2">
      <legend className="sr-only">{typeof title === "string" ? title : "Environment"}</legend>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <div className="min-w-0 flex-1 text-xs font-semibold">{title}</div>
        {action}
      </div>
      {variables.length ? (
        <ul className="space-y-1.5">
          {variables.map((variable, index) => (
            <li key={index} className="grid gap-1.5 sm:grid-cols-[10rem_1fr_auto_auto]">
              <TextInput
                aria-label={`Variable ${index + 1} name`}
                value={variable.name}
                maxLength={128}
                placeholder="NAME"
                className="font-mono text-xs"
                aria-invalid={!VARIABLE_NAME.test(variable.name)}
                onChange={(event) => {
                  const name = event.target.value;
                  // A name that reads like a secret is one from the start.
                  update(index, {
                    ...variable,
                    name,
                    secret: variable.secret || looksSecret(name),
                  });
                }}
              />
              {variable.secret ? (
                <TextInput
                  type="password"
                  autoComplete="off"
                  aria-label={`${variable.name || "Variable"} value (secret, kept in this tab only)`}
                  placeholder="secret: kept in this tab only"
                  value={secrets[variable.name] ?? ""}
                  onChange={(event) => setSecret(variable.name, event.target.value)}
                />
              ) : (
                <TextInput
                  aria-label={`${variable.name || "Variable"} value`}
                  value={variable.value}
                  maxLength={100_000}
                  onChange={(event) => update(index, { ...variable, value: event.target.value })}
                />
              )}
              <label
                className="flex items-center gap-1 text-xs text-muted"
                htmlFor={`${id}-${index}`}
              >
                <input
                  id={`${id}-${index}`}
                  type="checkbox"
                  className="accent-accent"
                  checked={variable.secret}
                  disabled={looksSecret(variable.name)}
                  title={
                    looksSecret(variable.name) ? "Named like a secret: always secret" : undefined
                  }
                  onChange={(event) =>
                    update(index, { ...variable, secret: event.target.checked, value: "" })
                  }
                />
                Secret
              </label>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove variable ${variable.name || index + 1}`}
                onClick={() => update(index, null)}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-muted">No variables.</p>
      )}
      <Button
        size="sm"
        variant="ghost"
        className="mt-1"
        disabled={variables.length >= 500}
        onClick={() => onChange([...variables, { name: "", value: "", secret: false }])}
      >
        + Add variable
      </Button>
    </fieldset>
  );
}
