import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. No tailwind-merge: no component here lets a caller override a utility of
 * its own, so there is nothing to merge, and it would weigh 7 KB gzip on the first load.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
