/** Test support: deterministic ids (id1, id2, …) for the pure composer functions. */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `id${++n}`;
}
