import { builtinModules } from "node:module";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The three rooms of lib/ (docs/architecture.md), kept true by lint: lib/domain is pure and
// imports no other room, framework or Node built-in; lib/client and components/ reach lib/server
// for types only; lib/server never reaches the browser side; nothing shipped imports test support
// or test runners; and no file climbs two folders up, so every cross-room import names its room
// (`@/lib/server/…`) and these patterns see it. test/architecture.test.ts checks dynamic imports
// and cycles, which this rule cannot see.
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_"));
const restricted = {
  upward: {
    group: ["../../*"],
    message: "Import across folders by the @/ alias, so the room it belongs to is named.",
  },
  testSupport: {
    group: ["@/test/*", "@/e2e/*", "@/scripts/*", "vitest", "vitest/*", "@playwright/test"],
    message: "Shipped code never imports tests, test support, scripts or a test runner.",
  },
  app: { group: ["@/app/*"], message: "app/ holds routes and pages; nothing imports them." },
  server: { group: ["@/lib/server/*"], message: "lib/server is for the server only." },
  serverTypesOnly: {
    group: ["@/lib/server/*", "server-only"],
    allowTypeImports: true,
    message: "The browser side may take types from lib/server, never code (use lib/domain).",
  },
  client: { group: ["@/lib/client/*"], message: "lib/client is browser code." },
  components: {
    group: ["@/components/*"],
    message: "components/ render; lib does not import them.",
  },
  frameworks: {
    regex: "^(react|react-dom|next|zustand)(/.*)?$",
    message: "lib/domain is pure: no React, Next.js or zustand.",
  },
  node: {
    regex: `^(node:.*|server-only|(${NODE_BUILTINS.join("|")})(/.*)?)$`,
    message:
      "lib/domain is isomorphic: use Web APIs (crypto.subtle, TextEncoder), not Node built-ins.",
  },
};
function onlyImports(...groups) {
  return {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: groups.map((name) => restricted[name]) },
    ],
  };
}
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
export const boundaryRules = {
  domain: onlyImports(
    "upward",
    "testSupport",
    "app",
    "server",
    "client",
    "components",
    "frameworks",
    "node",
  ),
  client: onlyImports("upward", "testSupport", "app", "serverTypesOnly"),
  components: onlyImports("upward", "testSupport", "app", "serverTypesOnly"),
  server: onlyImports("upward", "testSupport", "app", "client", "components"),
  app: onlyImports("upward", "testSupport"),
};
const boundaries = [
  { files: ["lib/domain/**/*.ts"], ignores: TESTS, rules: boundaryRules.domain },
  {
    files: ["lib/client/**/*.ts", "lib/client/**/*.tsx"],
    ignores: TESTS,
    rules: boundaryRules.client,
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    ignores: TESTS,
    rules: boundaryRules.components,
  },
  { files: ["lib/server/**/*.ts"], ignores: TESTS, rules: boundaryRules.server },
  { files: ["app/**/*.ts", "app/**/*.tsx"], ignores: TESTS, rules: boundaryRules.app },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".test-output/**",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...boundaries,
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
