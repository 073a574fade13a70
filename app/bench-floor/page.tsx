import { BenchFloorClient } from "@/components/bench-floor-client";

/**
 * The benchmark's floor (npm run bench): the same Next.js, React and zustand with nothing of the
 * playground, measured the same way as `/`, so the playground's own weight can be read off.
 */
export const metadata = { robots: { index: false } };

export default function BenchFloorPage() {
  return <BenchFloorClient />;
}
