// The boundary rule of eslint.config.mjs bites: each forbidden import, linted as if it stood in a
// real file of that room, is an error that names the rule, and the allowed ones pass.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

// The first lint builds the type-aware program for the whole project: seconds on a quiet machine,
// much more on a busy one. It is paid here, with room, not by whichever case runs first.
beforeAll(async () => {
  await eslint.lintText("export {};\n", { filePath: "lib/domain/limits.ts" });
}, 180_000);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((message) => message.message);
}

const DOMAIN_FILE = "lib/domain/limits.ts";
const CLIENT_FILE = "lib/client/api/route-error.ts";
const COMPONENT_FILE = "components/access-form.tsx";
const SERVER_FILE = "lib/server/settings.ts";
const APP_FILE = "app/api/health/route.ts";

describe("the three rooms' boundary rule", () => {
  it.each([
    ['import { processLimits } from "@/lib/server/settings";', "lib/server"],
    ['import { readRouteError } from "@/lib/client/api/route-error";', "lib/client"],
    ['import { Button } from "@/components/ui/button";', "components/"],
    ['import { useState } from "react";', "React"],
    ['import { NextResponse } from "next/server";', "Next.js"],
    ['import { create } from "zustand";', "zustand"],
    ['import { readFileSync } from "node:fs";', "Node built-ins"],
    ['import { createHash } from "crypto";', "Node built-ins"],
    ['import "server-only";', "Node built-ins"],
    ['import { sequentialIds } from "@/test/support/sequential-ids";', "test support"],
    ['import { expect } from "vitest";', "test runner"],
    ['import { x } from "../../server/settings";', "@/ alias"],
  ])("lib/domain may not: %s", async (code, words) => {
    const found = await restrictedImports(DOMAIN_FILE, `${code}\nexport {};\n`);
    expect(found.length, code).toBe(1);
    expect(found[0]).toContain(words);
  });

  it("lets lib/domain import lib/domain, zod and the SDKs' types", async () => {
    const code = [
      'import { z } from "zod";',
      'import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";',
      'import type { Tool } from "@modelcontextprotocol/sdk/types.js";',
      'import { errorBody } from "@/lib/domain/api/error-shape";',
      "export type T = [typeof z, BetaMessage, Tool, typeof errorBody];",
    ].join("\n");
    expect(await restrictedImports(DOMAIN_FILE, code)).toEqual([]);
  });

  it.each([CLIENT_FILE, COMPONENT_FILE])(
    "%s takes types from lib/server, never code",
    async (file) => {
      const code =
        'import { errorResponse } from "@/lib/server/http/error-response";\nexport { errorResponse };\n';
      const found = await restrictedImports(file, code);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain("types from lib/server, never code");
      const types =
        'import type { ErrorResponseOptions } from "@/lib/server/http/error-response";\nexport type T = ErrorResponseOptions;\n';
      expect(await restrictedImports(file, types)).toEqual([]);
    },
  );

  it("keeps lib/server off the browser side and app/ out of lib", async () => {
    for (const code of [
      'import { useAppStore } from "@/components/store-provider";',
      'import { createAppStore } from "@/lib/client/store/app-store";',
      'import { GET } from "@/app/api/health/route";',
    ]) {
      expect(await restrictedImports(SERVER_FILE, `${code}\nexport {};\n`), code).toHaveLength(1);
    }
  });

  it("keeps test support out of routes and pages", async () => {
    const code = 'import { serveHandler } from "@/test/support/serve-handler";\nexport {};\n';
    expect(await restrictedImports(APP_FILE, code)).toHaveLength(1);
  });
});
