import "server-only";
// Arguments a scripted model gives a tool when the person names it without arguments: every
// required field from its default, its first example, its first enum value, or its type's zero value.
type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function argumentsFromSchema(schema: unknown, depth = 0): Record<string, unknown> {
  const value = valueFromSchema(schema, depth);
  return isSchema(value) ? value : {};
}

function valueFromSchema(schema: unknown, depth: number): unknown {
  if (!isSchema(schema) || depth > 8) return null;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ("const" in schema) return schema.const;
  const variants = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : null;
  if (variants && variants.length > 0) return valueFromSchema(variants[0], depth + 1);
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t) => t !== "null") as unknown)
    : schema.type;
  switch (type) {
    case "string":
      return "";
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "null":
      return null;
    case "object":
    default: {
      if (type !== "object" && !isSchema(schema.properties)) return null;
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required)
        ? schema.required.filter((k): k is string => typeof k === "string")
        : [];
      const result: Record<string, unknown> = {};
      for (const key of required) result[key] = valueFromSchema(properties[key], depth + 1);
      return result;
    }
  }
}
