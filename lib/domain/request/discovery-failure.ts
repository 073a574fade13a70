// How a failed discovery is named in a word or two ("401", "network", "timed out"): the merged
// table's line and the problems list say it the same way.
export function discoveryFailureLabel(kind: string): string {
  return kind === "unauthorized" ? "401" : kind.replaceAll("_", " ");
}
