import { Playground } from "@/components/playground";

// A short link: the playground, which reads /s/<id> from its address and asks the server for the
// configuration (components/share/shared-link-banner.tsx). An unknown, expired or revoked link is
// explained there, with the composer untouched.
export default function ShortLinkPage() {
  return <Playground />;
}
