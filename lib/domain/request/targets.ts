/** Where a request goes: the real Messages API, or the built-in offline emulator. */
export const TARGETS = ["emulator", "anthropic"] as const;
export type Target = (typeof TARGETS)[number];
