import { Api3Error, api3Failure } from './errors.js';

/**
 * api3 wraps each answer in an envelope whose shape varies by command: a command-specific
 * root (`SearchResponse`) or the generic `Response`, `SuccessCode` or `ResponseCode`, numbers
 * or strings, keys with stray characters (`"ResponseCode: "`), and for the newer aftermarket
 * commands no root at all (`{ "status": "success", ... }`). This module turns every variant
 * into one of two outcomes: a payload, or an Api3Error.
 */
export interface Api3Payload {
  /** The root key api3 used (`SearchResponse`), or '' for root-less answers. */
  root: string;
  /** The object under the root, envelope fields included; condensers drop what they do not need. */
  body: Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"ResponseCode: "` and `"responsecode"` both mean ResponseCode. */
export function normalizeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '').toLowerCase();
}

function field(obj: JsonObject, ...names: string[]): unknown {
  for (const [key, value] of Object.entries(obj)) {
    if (names.includes(normalizeKey(key))) return value;
  }
  return undefined;
}

const ENVELOPE_KEYS = new Set(['responsecode', 'successcode', 'status', 'error']);

function locateBody(parsed: JsonObject): Api3Payload {
  const keys = Object.keys(parsed);
  // A single object-valued key that is not itself an envelope field is the command's root.
  if (keys.length === 1) {
    const root = keys[0] as string;
    const value = parsed[root];
    if (isObject(value) && !ENVELOPE_KEYS.has(normalizeKey(root))) return { root, body: value };
  }
  return { root: '', body: parsed };
}

function errorText(body: JsonObject): string | undefined {
  const error = field(body, 'error', 'message', 'responsemsg');
  if (typeof error === 'string' && error.trim() !== '') return error.trim();
  if (isObject(error)) return JSON.stringify(error);
  return undefined;
}

/** Parses api3's answer text. Never throws anything but Api3Error. */
export function parseApi3Response(text: string): Api3Payload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML error page or a cut-off body: api3 is in trouble, which is worth a retry for reads.
    throw new Api3Error('upstream_unavailable', 'api3 answered with a body that is not JSON', {
      hint: 'This is usually a temporary fault at Dynadot (an HTML error page or a cut-off answer). Try again shortly.',
    });
  }
  if (!isObject(parsed)) throw new Api3Error('api_error', 'api3 answered with JSON that is not an object');

  const payload = locateBody(parsed);
  const { body } = payload;
  const code = field(body, 'responsecode', 'successcode');
  const status = field(body, 'status');
  const codeText = code === undefined ? undefined : String(code).trim();
  const statusText = typeof status === 'string' ? status.trim().toLowerCase() : undefined;

  const failed =
    (codeText !== undefined && codeText !== '0') || statusText === 'error' || statusText === 'failure' || statusText === 'failed';
  if (failed) throw api3Failure(errorText(body) ?? `request failed (code ${codeText ?? '?'}, status ${statusText ?? '?'})`);

  if (codeText === undefined && statusText === undefined) {
    throw new Api3Error('api_error', 'api3 answered without a ResponseCode, SuccessCode or Status field', {
      hint: 'The response shape was not recognised; nothing was assumed about the outcome.',
    });
  }
  return payload;
}
