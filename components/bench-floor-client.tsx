"use client";

import { useState } from "react";
import { createStore, useStore } from "zustand";

const store = createStore<{ count: number }>()(() => ({ count: 0 }));

/** A client component with React state and a zustand store: the floor every page pays. */
export function BenchFloorClient() {
  const count = useStore(store, (state) => state.count);
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks(clicks + 1)}>
      {count + clicks}
    </button>
  );
}
