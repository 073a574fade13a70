/** Test support: deterministic ids (id1, id2, …) for the pure composer functions. */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

/** Test support: deterministic API-shaped ids (msg_test1, mcptoolu_test2, …), one run's worth. */
export function sequentialApiIds(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix}_test${++n}`;
}
