// @vitest-environment happy-dom
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/run-history";
import { STORAGE_KEY } from "@/lib/client/store/storage-key";
import { PaneBoundary } from "./pane-boundary";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new Error("block.content.map is not a function");
}

/** Mounts a failing pane and waits for its actions, which load on the first failure. */
async function mount() {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      createElement(
        "div",
        null,
        createElement(PaneBoundary, { name: "response pane", children: createElement(Broken) }),
        createElement("p", { id: "sibling" }, "the composer still works"),
      ),
    ),
  );
  const button = (name: string) =>
    [...container.querySelectorAll("button")].find((element) => element.textContent === name)!;
  // The words show at once; the actions follow when their code has loaded.
  expect(container.querySelector('[role="alert"]')?.textContent).toContain("could not be shown");
  for (let tries = 0; tries < 100 && !button("Try again"); tries += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  return { container, root, button };
}

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
  vi.restoreAllMocks();
});

describe("a pane that fails to render", () => {
  it("is replaced by words and actions while the rest of the page stays", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { container, button } = await mount();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("The response pane could not be shown.");
    expect(alert?.textContent).toContain("block.content.map is not a function");
    expect(container.querySelector("#sibling")?.textContent).toBe("the composer still works");
    expect(
      ["Try again", "Download saved data", "Reset saved data"].map((name) => !!button(name)),
    ).toEqual([true, true, true]);
  });

  it("offers the saved data for download (tokens left out), then resets it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { composer: { servers: [{ authorizationToken: "secret-tok" }] } } }),
    );
    localStorage.setItem(HISTORY_STORAGE_KEY, "{not json");
    localStorage.setItem("unrelated", "kept");
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return "blob:x";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const replace = vi.fn();
    vi.spyOn(window, "location", "get").mockReturnValue({
      ...window.location,
      pathname: "/",
      replace,
    });
    const { button } = await mount();

    // Reset before a download asks again rather than deleting at once.
    act(() => button("Reset saved data").click());
    expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull();
    expect(button("Reset without a copy?")).toBeDefined();

    act(() => button("Download saved data").click());
    expect(blobs).toHaveLength(1);
    return blobs[0]!.text().then((text) => {
      expect(text).toContain(STORAGE_KEY);
      expect(text).not.toContain("secret-tok");
      act(() => button("Reset without a copy?").click());
      expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
      expect(localStorage.getItem(HISTORY_STORAGE_KEY)).toBeNull();
      expect(localStorage.getItem("unrelated")).toBe("kept");
      expect(replace).toHaveBeenCalledWith("/");
    });
  });
});
