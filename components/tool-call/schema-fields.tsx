"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import {
  describeBounds,
  initialValue,
  optionFor,
  type SchemaNode,
  type SchemaProperty,
} from "@/lib/domain/tool-call/schema-form";

// A form built from a tool's inputSchema. Each field is labelled by its property name (a person
// reads the server's own words); what the form cannot express is a JSON field.

type Change = (value: unknown) => void;

/** The fields of an object: one editor per property, in the schema's order. */
export function ObjectFields({
  properties,
  value,
  onChange,
}: {
  properties: readonly SchemaProperty[];
  value: Record<string, unknown>;
  onChange: (name: string, value: unknown) => void;
}) {
  if (properties.length === 0)
    return <p className="text-xs text-muted">This tool takes no input.</p>;
  return (
    <div className="space-y-3">
      {properties.map((property) => (
        <FieldEditor
          key={property.name}
          name={property.name}
          node={property.node}
          required={property.required}
          value={
            Object.prototype.hasOwnProperty.call(value, property.name)
              ? value[property.name]
              : undefined
          }
          onChange={(next) => onChange(property.name, next)}
        />
      ))}
    </div>
  );
}

/** One field: its label (the name, a required mark), the control for its kind, and its hint. */
export function FieldEditor({
  name,
  node,
  required,
  value,
  onChange,
}: {
  name: string;
  node: SchemaNode;
  required: boolean;
  value: unknown;
  onChange: Change;
}) {
  const id = useId();
  const hint = [node.description, describeBounds(node)].filter(Boolean).join(" · ");
  // The label is the property name alone (a required mark is not read as part of it); the kind
  // is beside it.
  const label = (
    <span className="text-xs">
      <label htmlFor={id} className="font-mono font-medium text-ink">
        {name}
      </label>
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-danger" title="required">
          *
        </span>
      ) : null}
      <span className="ml-1.5 text-muted">
        {kindWords(node)}
        {required ? ", required" : ""}
      </span>
    </span>
  );
  const hintElement = hint ? (
    <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
      {hint}
    </p>
  ) : null;
  const described = hint ? `${id}-hint` : undefined;

  // An optional field that is not set, or one set to null: a button sets it.
  if (value === undefined && !required && (node.kind === "object" || node.kind === "array")) {
    return (
      <div>
        <span className="text-xs font-medium text-ink">
          <span className="font-mono">{name}</span>
          <span className="ml-1.5 font-normal text-muted">{kindWords(node)}, not set</span>
        </span>
        <div className="mt-1">
          <Button size="sm" variant="secondary" onClick={() => onChange(initialValue(node) ?? {})}>
            Add {name}
          </Button>
        </div>
        {hintElement}
      </div>
    );
  }

  const nullToggle = node.nullable ? (
    <label className="ml-2 inline-flex items-center gap-1 text-xs text-muted">
      <input
        type="checkbox"
        checked={value === null}
        onChange={(event) => onChange(event.target.checked ? null : nonNullStart(node))}
      />
      <span>
        null<span className="sr-only"> for {name}</span>
      </span>
    </label>
  ) : null;
  const removeButton =
    !required && (node.kind === "object" || node.kind === "array") ? (
      <Button
        size="sm"
        variant="ghost"
        className="ml-auto"
        aria-label={`Remove ${name}`}
        onClick={() => onChange(undefined)}
      >
        Remove
      </Button>
    ) : null;

  if (value === null) {
    return (
      <div>
        <div className="flex items-center">
          <span className="text-xs font-medium text-ink">
            <span className="font-mono">{name}</span>
            <span className="ml-1.5 font-normal text-muted">{kindWords(node)}, set to null</span>
          </span>
          {nullToggle}
        </div>
        {hintElement}
      </div>
    );
  }

  let control: ReactNode;
  switch (node.kind) {
    case "string":
      control = (
        <TextInput
          id={id}
          value={typeof value === "string" ? value : ""}
          aria-describedby={described}
          aria-required={required || undefined}
          onChange={(event) =>
            onChange(event.target.value === "" && !required ? undefined : event.target.value)
          }
        />
      );
      break;
    case "number":
    case "integer":
      control = (
        <NumberInput
          id={id}
          integer={node.kind === "integer"}
          value={typeof value === "number" ? value : undefined}
          required={required}
          described={described}
          onChange={onChange}
        />
      );
      break;
    case "boolean":
      control = (
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4"
          checked={value === true}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
      break;
    case "enum":
      control = (
        <Select
          id={id}
          value={value === undefined ? "" : JSON.stringify(value)}
          aria-describedby={described}
          aria-required={required || undefined}
          onChange={(event) =>
            onChange(event.target.value === "" ? undefined : JSON.parse(event.target.value))
          }
        >
          {required && value !== undefined ? null : <option value="">(not set)</option>}
          {node.values.map((choice) => (
            <option key={JSON.stringify(choice)} value={JSON.stringify(choice)}>
              {typeof choice === "string" ? choice : JSON.stringify(choice)}
            </option>
          ))}
        </Select>
      );
      break;
    case "array":
      return (
        <fieldset className="rounded-md border border-line p-2">
          <GroupLegend name={name} required={required} kind={kindWords(node)}>
            {nullToggle}
            {removeButton}
          </GroupLegend>
          <ArrayItems
            name={name}
            node={node}
            value={Array.isArray(value) ? value : []}
            onChange={onChange}
          />
          {hintElement}
        </fieldset>
      );
    case "object": {
      const object =
        typeof value === "object" && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : {};
      return (
        <fieldset className="rounded-md border border-line p-2">
          <GroupLegend name={name} required={required} kind="object">
            {nullToggle}
            {removeButton}
          </GroupLegend>
          {hintElement}
          <div className="mt-2">
            <ObjectFields
              properties={node.properties}
              value={object}
              onChange={(key, next) => {
                const copy: Record<string, unknown> = {};
                for (const [entryKey, entry] of Object.entries(object))
                  Object.defineProperty(copy, entryKey, {
                    value: entry,
                    enumerable: true,
                    writable: true,
                    configurable: true,
                  });
                if (next === undefined) delete copy[key];
                else
                  Object.defineProperty(copy, key, {
                    value: next,
                    enumerable: true,
                    writable: true,
                    configurable: true,
                  });
                onChange(copy);
              }}
            />
          </div>
        </fieldset>
      );
    }
    case "anyOf": {
      const chosen = optionFor(node, value);
      const option = node.options[chosen];
      return (
        <div className="rounded-md border border-line p-2">
          <div className="flex items-center gap-2">
            {label}
            {nullToggle}
          </div>
          <Select
            id={id}
            className="mt-1"
            aria-label={`Shape of ${name}`}
            aria-describedby={described}
            value={String(chosen)}
            onChange={(event) => {
              const next = node.options[Number(event.target.value)];
              if (next) onChange(initialValue(next));
            }}
          >
            {node.options.map((choice, index) => (
              <option key={index} value={index}>
                {choice.title ?? kindWords(choice)}
              </option>
            ))}
          </Select>
          {hintElement}
          {option ? (
            <div className="mt-2">
              <FieldEditor
                name={`${name} (${option.title ?? kindWords(option)})`}
                node={option}
                required
                value={value}
                onChange={onChange}
              />
            </div>
          ) : null}
        </div>
      );
    }
    case "json":
      control = <JsonValueInput id={id} value={value} described={described} onChange={onChange} />;
      break;
  }
  return (
    <div>
      <div className="flex items-center">
        {label}
        {nullToggle}
      </div>
      <div className="mt-1">{control}</div>
      {node.kind === "json" ? (
        <p className="mt-0.5 text-xs text-muted">As JSON ({node.reason}): the server checks it.</p>
      ) : null}
      {hintElement}
    </div>
  );
}

/** A list's or an object's legend: its name, required mark and kind, then its controls. */
function GroupLegend({
  name,
  required,
  kind,
  children,
}: {
  name: string;
  required: boolean;
  kind: string;
  children: ReactNode;
}) {
  return (
    <legend className="flex w-full items-center px-1">
      <span className="text-xs font-medium text-ink">
        <span className="font-mono">{name}</span>
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            *
          </span>
        ) : null}
        <span className="ml-1.5 font-normal text-muted">{kind}</span>
      </span>
      {children}
    </legend>
  );
}

function ArrayItems({
  name,
  node,
  value,
  onChange,
}: {
  name: string;
  node: SchemaNode & { kind: "array" };
  value: unknown[];
  onChange: Change;
}) {
  const full = node.maxItems !== undefined && value.length >= node.maxItems;
  return (
    <div className="space-y-2">
      {value.length === 0 ? <p className="text-xs text-muted">No items.</p> : null}
      {value.map((item, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <FieldEditor
              name={`${name} ${index + 1}`}
              node={node.items}
              required
              value={item}
              onChange={(next) => {
                const copy = [...value];
                copy[index] = next;
                onChange(copy);
              }}
            />
          </div>
          <Button
            size="sm"
            variant="ghost"
            className="mt-5"
            aria-label={`Remove ${name} ${index + 1}`}
            onClick={() => onChange(value.filter((_, position) => position !== index))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        variant="secondary"
        disabled={full}
        onClick={() => onChange([...value, initialValue(node.items) ?? null])}
      >
        Add to {name}
      </Button>
    </div>
  );
}

/** A number typed as text, so a half-typed value ("-", "1e") is kept and marked, not wiped. */
function NumberInput({
  id,
  integer,
  value,
  required,
  described,
  onChange,
}: {
  id: string;
  integer: boolean;
  value: number | undefined;
  required: boolean;
  described: string | undefined;
  onChange: Change;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const parsed = text.trim() === "" ? undefined : Number(text);
  const unreadable = parsed !== undefined && !Number.isFinite(parsed);
  return (
    <>
      <TextInput
        id={id}
        inputMode={integer ? "numeric" : "decimal"}
        value={text}
        aria-invalid={unreadable || undefined}
        aria-required={required || undefined}
        aria-describedby={described}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = next.trim() === "" ? undefined : Number(next);
          if (number === undefined) onChange(undefined);
          else if (Number.isFinite(number)) onChange(number);
        }}
      />
      {unreadable ? (
        <p role="alert" className="mt-0.5 text-xs text-danger">
          Not a number yet: the last number read is kept.
        </p>
      ) : null}
    </>
  );
}

/** A value the form cannot express, as JSON; unreadable text is kept and marked. */
function JsonValueInput({
  id,
  value,
  described,
  onChange,
}: {
  id: string;
  value: unknown;
  described: string | undefined;
  onChange: Change;
}) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value, null, 2));
  const [error, setError] = useState("");
  return (
    <>
      <TextArea
        id={id}
        className="font-mono text-xs"
        value={text}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === "") {
            setError("");
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value));
            setError("");
          } catch (parseError) {
            setError(parseError instanceof Error ? parseError.message : "not JSON");
          }
        }}
      />
      {error ? (
        <p role="alert" className="mt-0.5 text-xs text-danger">
          Not JSON yet ({error}): the last value read is kept.
        </p>
      ) : null}
    </>
  );
}

function nonNullStart(node: SchemaNode): unknown {
  const start = initialValue({ ...node, nullable: false, default: undefined });
  return start === null || start === undefined ? "" : start;
}

function kindWords(node: SchemaNode): string {
  switch (node.kind) {
    case "enum":
      return "one of";
    case "array":
      return `list of ${kindWords(node.items)}`;
    case "anyOf":
      return "one of several shapes";
    case "json":
      return "JSON";
    default:
      return node.kind;
  }
}
