// What a share link does with each server URL's secret-looking parts, in words for the share
// dialog: credentials and query strings left out (or kept, as the person chose), and path segments
// that look like a key.
import type { ServerDraft } from "@/lib/domain/request/types";
import {
  describeUrlSecrets,
  hasUrlSecrets,
  randomLookingSegments,
} from "@/lib/domain/request/url-secrets";

export interface ShareUrlNote {
  text: string;
  warning: boolean;
}

/** What the link does with each server URL's secret-looking parts, in words. */
export function shareUrlNotes(servers: readonly ServerDraft[]): ShareUrlNote[] {
  return servers.flatMap((server) => {
    const name = server.name || "an unnamed server";
    const notes: ShareUrlNote[] = [];
    if (hasUrlSecrets(server.url)) {
      notes.push(
        server.keepUrlSecrets
          ? {
              text: `The link holds ${describeUrlSecrets(server.url)} of ${name}'s URL, as you chose: whoever gets it can use them.`,
              warning: true,
            }
          : {
              text: `The link leaves out ${describeUrlSecrets(server.url)} of ${name}'s URL.`,
              warning: false,
            },
      );
    }
    for (const segment of randomLookingSegments(server.url)) {
      notes.push({
        text: `${name}'s URL has a long random-looking path segment (${segment.slice(0, 4)}…${segment.slice(-4)}). If it is a key, this link gives it away: remove the server before sharing.`,
        warning: true,
      });
    }
    return notes;
  });
}
