// @vitest-environment happy-dom
// The API's rules load after the first paint: until then the preview says the request is not
// checked yet, then shows what they find; when their code cannot arrive, it says so in words.
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StoreProvider } from "@/components/store-provider";
import { createAppStore } from "@/lib/client/store/app-store";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import { memoryStorage } from "@/test/support/memory-storage";
import { PreviewPane } from "./preview-pane";
import { PreviewProvider } from "./use-preview";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const rules = vi.hoisted(() => ({ fail: false }));
vi.mock("@/lib/domain/toolset/validate", async (importOriginal) => {
  if (rules.fail) throw new Error("Failed to fetch dynamically imported module");
  return importOriginal();
});

function mountPreview() {
  const store = createAppStore({ origin: "http://localhost:3000", storage: memoryStorage() });
  // A request the API refuses: max_tokens must be at least 1.
  store.getState().setField("maxTokens", 0);
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => {
    root.render(
      createElement(StoreProvider, {
        origin: "http://localhost:3000",
        store,
        children: createElement(
          PreviewProvider,
          null,
          createElement(PreviewPane, { onFocusField: () => undefined }),
        ),
      }),
    );
  });
  return { container, root };
}

/** Lets React and the dynamic import run until `done` holds (5 s at most). */
async function until(done: () => boolean) {
  for (let waited = 0; !done() && waited < 5000; waited += 20) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.resetModules();
});

describe("the API's rules in the preview", () => {
  // The failing load first: a failed load is forgotten, so the next test loads them for real.
  it("say in words when their code cannot arrive, and the rest of the preview stays", async () => {
    rules.fail = true;
    const { container, root } = mountPreview();
    await until(() => container.querySelector('[role="alert"]') !== null);
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(LOAD_FAILED_MESSAGE);
    expect(container.querySelector('[data-testid="problem-counts"]')?.textContent).toContain(
      "so far",
    );
    expect(container.querySelector('[data-testid="total-summary"]')).not.toBeNull();
    act(() => root.unmount());
  });

  it("are applied once their code has arrived", async () => {
    rules.fail = false;
    const { container, root } = mountPreview();
    const problem = () => container.querySelector('[data-testid="problem"]');
    await until(() => problem() !== null);
    const counts = container.querySelector('[data-testid="problem-counts"]')?.textContent ?? "";
    expect(counts).not.toContain("so far");
    expect(problem()?.textContent).toContain("max_tokens");
    act(() => root.unmount());
  });
});
