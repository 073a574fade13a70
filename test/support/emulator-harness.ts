// Test support: the emulator's handler on a free port with the demo MCP servers beside it, and an
// official SDK client pointed at it — up for the file's tests and gone after. Read the getters
// inside tests (they start first).
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll } from "vitest";
import { handleEmulatorRequest } from "@/lib/server/emulator/handler";
import { serveDemoServers } from "./demo-servers";
import { serveHandler, type ServedHandler } from "./serve-handler";

export function emulatorWithDemoServers() {
  const started: {
    demo?: Awaited<ReturnType<typeof serveDemoServers>>;
    emulator?: ServedHandler;
    client?: Anthropic;
  } = {};
  beforeAll(async () => {
    started.demo = await serveDemoServers();
    started.emulator = await serveHandler((request) => handleEmulatorRequest(request));
    started.client = new Anthropic({
      apiKey: "test-key",
      baseURL: `${started.emulator.origin}/api/emulator`,
      maxRetries: 0,
    });
  });
  afterAll(async () => {
    await Promise.all([started.emulator?.close(), started.demo?.close()]);
  });
  const need = <T>(value: T | undefined): T => {
    if (!value) throw new Error("the emulator harness is not up yet");
    return value;
  };
  return {
    demoUrl: (name: string) => need(started.demo).url(name),
    client: () => need(started.client),
  };
}
