// @vitest-environment happy-dom
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import { lazyComponent } from "./lazy-component";
import { PaneBoundary } from "./pane-boundary";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Greeting({ name }: { name: string }) {
  return createElement("p", { id: "loaded" }, `Hello ${name}`);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function mount(element: ReturnType<typeof createElement>) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { container, root };
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

describe("a component loaded on first use", () => {
  it("shows its fallback, then itself as soon as its code arrives; later ones at once", async () => {
    const arrival = deferred<typeof Greeting>();
    const load = vi.fn(() => arrival.promise);
    const Lazy = lazyComponent(load, ({ name }) => createElement("p", { id: "waiting" }, name));
    const { container } = mount(createElement(Lazy, { name: "Ada" }));
    expect(container.querySelector("#waiting")?.textContent).toBe("Ada");
    await act(() => {
      arrival.resolve(Greeting);
      return arrival.promise;
    });
    expect(container.querySelector("#loaded")?.textContent).toBe("Hello Ada");

    const second = mount(createElement(Lazy, { name: "Grace" }));
    // Already loaded: no fallback frame at all.
    expect(second.container.querySelector("#loaded")?.textContent).toBe("Hello Grace");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("preload fetches before anything renders, once", async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyComponent(load);
    await Lazy.preload();
    Lazy.prefetch();
    const { container } = mount(createElement(Lazy, { name: "Linus" }));
    expect(container.querySelector("#loaded")?.textContent).toBe("Hello Linus");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("a failed load reaches the error boundary in words, and Try again loads anew", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let attempt = 0;
    const Lazy = lazyComponent(() =>
      ++attempt === 1 ? Promise.reject(new Error(LOAD_FAILED_MESSAGE)) : Promise.resolve(Greeting),
    );
    const { container } = mount(
      createElement(PaneBoundary, {
        name: "dialog",
        children: createElement(Lazy, { name: "Barbara" }),
      }),
    );
    await act(() => Promise.resolve());
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(LOAD_FAILED_MESSAGE);
    const findRetry = () =>
      [...container.querySelectorAll("button")].find(
        (button) => button.textContent === "Try again",
      );
    // The boundary's actions load on its first failure.
    for (let tries = 0; tries < 100 && !findRetry(); tries += 1) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    const retry = findRetry()!;
    act(() => retry.click());
    await act(() => Promise.resolve());
    expect(container.querySelector("#loaded")?.textContent).toBe("Hello Barbara");
  });
});
