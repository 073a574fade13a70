// The OAuth session's shape, checked wherever it comes back from outside (the OAuth route, the
// saved state). Apart from the helpers in session.ts so the page's first load carries no schema.
import { z } from "zod";

const url = z
  .string()
  .max(4000)
  .refine((value) => URL.canParse(value), "not a URL");

export const oauthSessionSchema = z.object({
  serverUrl: url,
  redirectUrl: url,
  /** An https URL of this app's client metadata document, when the app is served over https. */
  clientMetadataUrl: url.optional(),
  clientName: z.string().max(200),
  clientInformation: z
    .looseObject({
      client_id: z.string().max(4000),
      client_secret: z.string().max(4000).optional(),
      issuer: z.string().max(4000).optional(),
    })
    .optional(),
  /** Entered by the person: the client is registered out of band (no DCR, no CIMD). */
  preRegistered: z.boolean().optional(),
  tokens: z
    .looseObject({
      access_token: z.string().max(20_000),
      token_type: z.string().max(100),
      expires_in: z.number().optional(),
      refresh_token: z.string().max(20_000).optional(),
      scope: z.string().max(2000).optional(),
      issuer: z.string().max(4000).optional(),
    })
    .optional(),
  /** When the tokens arrived (epoch ms), for their expiry. */
  tokensAt: z.number().optional(),
  codeVerifier: z.string().max(200).optional(),
  state: z.string().max(200).optional(),
  /** The scope asked for in the current sign-in. */
  scope: z.string().max(2000).optional(),
  discovery: z
    .looseObject({
      authorizationServerUrl: z.string().max(4000),
      resourceMetadataUrl: z.string().max(4000).optional(),
      resourceMetadata: z.looseObject({}).optional(),
      authorizationServerMetadata: z.looseObject({}).optional(),
    })
    .optional(),
});

export type OAuthSession = z.infer<typeof oauthSessionSchema>;
