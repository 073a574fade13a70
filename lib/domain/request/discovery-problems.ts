// A server the app could not discover, as a problem: the connector would likely meet the same
// answer. Loaded with the API's rules, after the page.
import type { DiscoveryProblemFinder, PreviewProblem } from "./preview";
import { discoveryFailureLabel } from "./discovery-failure";
import { serverFieldId } from "./field-ids";

/** A server the app could not discover is one the connector may not reach either: say so. */
export const findDiscoveryProblems: DiscoveryProblemFinder = (servers, failures) => {
  return servers.flatMap((server, index): PreviewProblem[] => {
    const failure = failures[server.id];
    if (!failure || server.stdio) return [];
    const label = server.name || `server ${index + 1}`;
    const refused = failure.kind === "unauthorized";
    const reason = discoveryFailureLabel(failure.kind);
    const detail =
      failure.message.length > 200 ? `${failure.message.slice(0, 199)}…` : failure.message;
    return [
      {
        severity: "warning",
        code: "discovery_failed",
        path: `${label} › discovery`,
        message: `Discovery of '${label}' failed (${reason}): ${detail} ${
          refused
            ? "The connector would meet the same answer when the request is sent."
            : "The API connects from Anthropic's network, which may reach it where this app cannot; if not, the request fails there too."
        }`,
        fieldId: serverFieldId(server.id, refused ? "token" : "url"),
      },
    ];
  });
};
