// Composer state ⇄ URL fragment (`#s=<SHARE_VERSION>.<data>`): versioned, deflate-compressed,
// base64url, with every authorization token stripped, and URL credentials and query strings unless
// kept (the link says only which servers had them). Decoding is strict and bounded, and never throws.
//
// Only append: a new format gets a new version number and its own decoder; version 1 links must
// keep opening as they do today.
import { Inflate, deflateSync, strFromU8, strToU8 } from "fflate";
import { z } from "zod";
import type { NewId } from "@/lib/domain/request/composer";
import { describeIssue } from "@/lib/domain/blocks/schema";
import { hasUrlSecrets, withoutUrlSecrets } from "@/lib/domain/request/url-secrets";
import { turnContentSchema } from "@/lib/domain/request/schema";
import { requestOptionsSchema } from "@/lib/domain/request/options";
import {
  CACHE_TTLS,
  MCP_BETAS,
  TOOL_SEARCH_KINDS,
  type ComposerState,
  type ConversationTurn,
  type ToolFlags,
} from "@/lib/domain/request/types";

import { readShareFragment, SHARE_PARAM } from "./fragment";

export { readShareFragment, SHARE_PARAM };
/**
 * 2 added the conversation and the stream switch; 3 marks servers whose URL credentials or query
 * string were left out; 4 carries pinned tool lists; 5 stdio servers (command, arguments, the
 * names of their environment variables) and the read-only allowlist; 6 the request's checks. Older
 * links still open.
 */
export const SHARE_VERSION = 6;
const OLDEST_VERSION = 1;
/** An environment variable's name (its value never travels). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** The longest fragment value a link may carry; longer ones are refused when opened. */
export const MAX_LINK_CHARS = 32_000;
/** The longest configuration the server stores (a short link or a saved request). */
export const MAX_STORED_CHARS = 400_000;
const MAX_JSON_BYTES = 512 * 1024;

// Short keys keep links short. The schema is strict: an unknown key is a tampered link.
const flagsSchema = z.strictObject({ e: z.boolean().optional(), d: z.boolean().optional() });
const serverSchema = z.strictObject({
  n: z.string().max(1000),
  u: z.string().max(4000),
  k: z.literal(1).optional(),
  // The URL's credentials or query string were left out (format 3).
  r: z.literal(1).optional(),
  // The pinned tool list (format 4): name, description, input schema.
  p: z
    .array(
      z.strictObject({
        n: z.string().min(1).max(200),
        d: z.string().max(100_000).optional(),
        s: z.record(z.string(), z.unknown()),
      }),
    )
    .max(10_000)
    .optional(),
  f: flagsSchema.optional(),
  c: z
    .array(
      z.strictObject({
        t: z.string().max(1000),
        e: z.boolean().optional(),
        d: z.boolean().optional(),
      }),
    )
    .max(5000)
    .optional(),
  x: z.enum(CACHE_TTLS).optional(),
  // A stdio server (format 5): command, arguments, environment variable names (never values).
  o: z
    .strictObject({
      c: z.string().min(1).max(4000),
      a: z.array(z.string().max(4000)).max(200),
      e: z.array(z.string().regex(ENV_NAME)).max(200),
    })
    .optional(),
  // The allowlist is the tools annotated read-only, once discovered (format 5).
  w: z.literal(1).optional(),
});
const payloadSchema = z.strictObject({
  m: z.string().max(200),
  t: z.number().int().min(0).max(10_000_000),
  y: z.string().max(200_000).optional(),
  u: z.string().max(200_000),
  b: z.enum([...MCP_BETAS, "none"]),
  q: z.enum(TOOL_SEARCH_KINDS).optional(),
  s: z.array(serverSchema).max(200),
  // Earlier turns: role and content as sent (the API judges blocks; we check their outline).
  v: z
    // "system": a tool change between turns (its tool_addition / tool_removal blocks).
    .array(z.strictObject({ r: z.enum(["user", "assistant", "system"]), c: turnContentSchema }))
    .max(500)
    .optional(),
  // Present only when streaming is off.
  n: z.literal(0).optional(),
  // Checks as written (format 6): read strictly when evaluated, like a collection file's.
  h: z.array(z.record(z.string(), z.unknown())).max(200).optional(),
  // Request options (thinking, effort, structured output, stop sequences, tool_choice, …).
  o: requestOptionsSchema.optional(),
});
/** A configuration in the link's short-key form: what links, saved requests and short links hold. */
export type SharePayload = z.infer<typeof payloadSchema>;
type Payload = SharePayload;

export interface DecodedShare {
  state: ComposerState;
  /** Ids (in `state`) of the servers that had a token: the person opening the link is asked for it. */
  serversNeedingToken: string[];
  /** Ids of the servers whose URL lost its credentials or query string on the way. */
  serversMissingUrlParts: string[];
}

export type DecodeResult =
  { success: true; data: DecodedShare } | { success: false; error: string };

function toFlags(flags: ToolFlags): { e?: boolean; d?: boolean } | undefined {
  const out: { e?: boolean; d?: boolean } = {};
  if (flags.enabled !== undefined) out.e = flags.enabled;
  if (flags.deferLoading !== undefined) out.d = flags.deferLoading;
  return Object.keys(out).length ? out : undefined;
}

/** The options a link carries: those its schema knows (the composer makes no others). */
function linkOptions(options: ComposerState["options"]): { o?: Payload["o"] } {
  const checked = options ? requestOptionsSchema.safeParse(options) : null;
  return checked?.success && Object.keys(checked.data).length ? { o: checked.data } : {};
}

function toPayload(state: ComposerState): Payload {
  return {
    m: state.model,
    t: Number.isFinite(state.maxTokens) ? state.maxTokens : 0,
    ...(state.system ? { y: state.system } : {}),
    u: state.message,
    ...(state.conversation.length
      ? {
          v: state.conversation.map((turn) => ({
            r: turn.role,
            c: turn.content as z.infer<typeof turnContentSchema>,
          })),
        }
      : {}),
    ...(state.stream ? {} : { n: 0 as const }),
    b: state.beta,
    ...(state.toolSearch !== "none" ? { q: state.toolSearch } : {}),
    ...(state.checks?.length ? { h: state.checks.map((check) => check.spec) } : {}),
    ...linkOptions(state.options),
    s: state.servers.map((server) => {
      const flags = toFlags(server.defaultConfig);
      const stripped = !server.keepUrlSecrets && hasUrlSecrets(server.url);
      return {
        n: server.name,
        u: stripped ? withoutUrlSecrets(server.url) : server.url,
        ...(server.authorizationToken ? { k: 1 as const } : {}),
        ...(stripped ? { r: 1 as const } : {}),
        ...(server.pinnedTools
          ? {
              p: server.pinnedTools.map((tool) => ({
                n: tool.name,
                ...(tool.description !== undefined ? { d: tool.description } : {}),
                s: tool.inputSchema,
              })),
            }
          : {}),
        ...(flags ? { f: flags } : {}),
        ...(server.configs.length
          ? { c: server.configs.map((row) => ({ t: row.tool, ...toFlags(row) })) }
          : {}),
        ...(server.cacheTtl !== "none" ? { x: server.cacheTtl } : {}),
        ...(server.stdio
          ? { o: { c: server.stdio.command, a: server.stdio.args, e: server.stdio.env } }
          : {}),
        ...(server.readOnlyAllowlist ? { w: 1 as const } : {}),
      };
    }),
  };
}

/** The fragment value (without `#s=`). Tokens never enter it. */
export function encodeShareState(state: ComposerState): string {
  return encodeSharePayload(toPayload(state));
}

export function buildShareUrl(base: string, state: ComposerState): string {
  const url = new URL(base);
  url.hash = `${SHARE_PARAM}=${encodeShareState(state)}`;
  return url.href;
}

/** Whether a link made by `buildShareUrl` can be opened again (its fragment is within the limit). */
export function shareLinkOpens(url: string): boolean {
  return (readShareFragment(new URL(url).hash)?.length ?? 0) <= MAX_LINK_CHARS;
}

export type PayloadResult =
  { success: true; data: SharePayload } | { success: false; error: string };

/**
 * Reads an encoded configuration (`<version>.<data>`) into its payload: strict and bounded, never
 * throws. `maxChars` is a link's limit unless the caller stores larger ones (saved requests).
 */
export function decodeSharePayload(
  value: string,
  { maxChars = MAX_LINK_CHARS }: { maxChars?: number } = {},
): PayloadResult {
  const fail = (error: string): PayloadResult => ({ success: false, error });
  if (value.length > maxChars) return fail("This share link is too long to be one of ours.");
  const dot = value.indexOf(".");
  const version = dot > 0 ? value.slice(0, dot) : "";
  if (!/^\d+$/.test(version))
    return fail("This share link is damaged: it has no version. Ask for the link again.");
  if (Number(version) > SHARE_VERSION) {
    return fail(
      `This share link was made by a newer version of the playground (format ${version}); update this one to open it.`,
    );
  }
  if (Number(version) < OLDEST_VERSION) return fail(`Share link format ${version} is not known.`);
  const data = value.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(data))
    return fail("This share link is damaged: it holds characters a link of ours never has.");

  let json: string;
  try {
    json = inflateBounded(fromBase64Url(data));
  } catch (error) {
    return fail(
      `This share link is damaged or cut short (${error instanceof Error ? error.message : "unreadable"}). Ask for the link again.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail("This share link is damaged: its contents are not readable.");
  }
  return parseSharePayload(raw);
}

/** Checks a payload read from anywhere (a link, a database row) with the strict schema. */
export function parseSharePayload(raw: unknown): PayloadResult {
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      success: false,
      error: `This share link does not hold a configuration this playground can open (${describeIssue(parsed.error)}).`,
    };
  }
  return { success: true, data: parsed.data };
}

/** A payload back into its encoded form (the inverse of `decodeSharePayload`). */
export function encodeSharePayload(payload: SharePayload): string {
  const json = JSON.stringify(payload);
  return `${SHARE_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/**
 * What the server keeps: URL credentials and query strings always come out (they often hold a
 * key, and a stored copy outlives the moment of sharing); the payload has no field for a token.
 */
export function payloadWithoutUrlSecrets(payload: SharePayload): SharePayload {
  return {
    ...payload,
    s: payload.s.map((server) =>
      hasUrlSecrets(server.u)
        ? { ...server, u: withoutUrlSecrets(server.u), r: 1 as const }
        : server,
    ),
  };
}

export function decodeShareState(
  value: string,
  newId: NewId,
  options: { maxChars?: number } = {},
): DecodeResult {
  const payload = decodeSharePayload(value, options);
  if (!payload.success) return payload;
  return { success: true, data: fromPayload(payload.data, newId) };
}

function fromPayload(payload: Payload, newId: NewId): DecodedShare {
  const serversNeedingToken: string[] = [];
  const serversMissingUrlParts: string[] = [];
  const state: ComposerState = {
    model: payload.m,
    maxTokens: payload.t,
    system: payload.y ?? "",
    conversation: (payload.v ?? []).map(
      (turn) => ({ id: newId(), role: turn.r, content: turn.c }) as ConversationTurn,
    ),
    message: payload.u,
    stream: payload.n === undefined,
    beta: payload.b,
    toolSearch: payload.q ?? "none",
    ...(payload.h?.length ? { checks: payload.h.map((spec) => ({ id: newId(), spec })) } : {}),
    ...(payload.o ? { options: payload.o } : {}),
    servers: payload.s.map((server) => {
      const id = newId();
      if (server.k) serversNeedingToken.push(id);
      if (server.r) serversMissingUrlParts.push(id);
      return {
        id,
        name: server.n,
        url: server.u,
        authorizationToken: "",
        defaultConfig: fromFlags(server.f),
        configs: (server.c ?? []).map((row) => ({ id: newId(), tool: row.t, ...fromFlags(row) })),
        cacheTtl: server.x ?? "none",
        ...(server.o ? { stdio: { command: server.o.c, args: server.o.a, env: server.o.e } } : {}),
        ...(server.w ? { readOnlyAllowlist: true } : {}),
        ...(server.p
          ? {
              pinnedTools: server.p.map((tool) => ({
                name: tool.n,
                ...(tool.d !== undefined ? { description: tool.d } : {}),
                inputSchema: tool.s,
              })),
            }
          : {}),
      };
    }),
  };
  return { state, serversNeedingToken, serversMissingUrlParts };
}

function fromFlags(flags: { e?: boolean; d?: boolean } | undefined): ToolFlags {
  const out: ToolFlags = {};
  if (flags?.e !== undefined) out.enabled = flags.e;
  if (flags?.d !== undefined) out.deferLoading = flags.d;
  return out;
}

function inflateBounded(bytes: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_JSON_BYTES) throw new Error("too large");
    chunks.push(chunk);
    if (final) done = true;
  });
  inflater.push(bytes, true);
  if (!done) throw new Error("cut short");
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return strFromU8(out);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
