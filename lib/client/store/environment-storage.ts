// The active environment as kept in this browser's storage: checked field by field when read
// (zod stays out of the page's first load), and secret values blanked both ways.
import {
  storableEnvironment,
  storableVariable,
  VARIABLE_NAME,
} from "@/lib/domain/workspace/variable-names";
import type { Environment, Variable } from "@/lib/domain/workspace/variables";
import type { ActiveEnvironment } from "./store-types";
import { ENVIRONMENT_KEY } from "./storage-key";

const isVariable = (value: unknown): value is Variable => {
  const variable = value as Variable | null;
  return (
    typeof variable === "object" &&
    variable !== null &&
    Object.keys(variable).length === 3 &&
    typeof variable.name === "string" &&
    VARIABLE_NAME.test(variable.name) &&
    typeof variable.value === "string" &&
    variable.value.length <= 100_000 &&
    typeof variable.secret === "boolean"
  );
};
const isVariables = (value: unknown): value is Variable[] =>
  Array.isArray(value) && value.length <= 500 && value.every(isVariable);
const isEnvironment = (value: unknown): value is Environment => {
  const environment = value as Environment | null;
  return (
    typeof environment === "object" &&
    environment !== null &&
    Object.keys(environment).length === 2 &&
    typeof environment.name === "string" &&
    environment.name.length > 0 &&
    environment.name.length <= 100 &&
    isVariables(environment.variables)
  );
};

/**
 * The active environment kept in storage, checked field by field (zod stays out of the first
 * load); null when there is none or it is damaged. Secret values are blanked whatever it says.
 */
export function readActiveEnvironment(storage: Pick<Storage, "getItem">): ActiveEnvironment | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(ENVIRONMENT_KEY) ?? "null");
  } catch {
    return null;
  }
  const record = raw as Partial<ActiveEnvironment> | null;
  if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
  const environment = record.environment;
  const valid =
    typeof record.collectionId === "string" &&
    record.collectionId.length > 0 &&
    record.collectionId.length <= 100 &&
    typeof record.collectionName === "string" &&
    record.collectionName.length <= 200 &&
    isVariables(record.variables) &&
    Array.isArray(record.environments) &&
    record.environments.length <= 50 &&
    record.environments.every(isEnvironment) &&
    (environment === null || isEnvironment(environment));
  return valid ? withoutSecretValues(record as ActiveEnvironment) : null;
}

/** The active environment as it may be kept: as the server would store it (no secret value). */
export function withoutSecretValues(active: ActiveEnvironment): ActiveEnvironment {
  return {
    collectionId: active.collectionId,
    collectionName: active.collectionName,
    variables: active.variables.map(storableVariable),
    environment: active.environment ? storableEnvironment(active.environment) : null,
    environments: active.environments.map(storableEnvironment),
  };
}
