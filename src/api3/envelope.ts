import { Api3Error, api3Refusal } from './errors.js';

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
  const [root] = keys;
  // A single object-valued key that is not itself an envelope field is the command's root.
  if (keys.length === 1 && root !== undefined) {
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

/**
 * Statuses that mean the command did what it was asked: `success` for most, `order created` for
 * transfers and pushes, `price_check_success` for a renewal quote. Anything else beside a code is
 * api3 declining or deferring, even with code 0.
 */
const SUCCESS_STATUSES = new Set(['success', 'order created', 'price_check_success', 'completed']);

/**
 * Statuses of an order api3 accepted but has not finished: Dynadot completes it by hand. It is
 * neither done nor failed, and sending it again would buy twice.
 */
const PENDING_STATUSES = new Set(['order_pending_process', 'pending', 'pending_process', 'processing', 'submitted']);

/**
 * An order api3 accepted and has not finished. Not a failure and not a result: the server turns
 * it into a `pending` answer that says how to follow it. It travels as an Api3Error so the client
 * treats it as final (never retried, never re-sent); anything that does not know it reads it as
 * unknown_outcome, which gives the same advice: do not send it again, check first.
 */
export class Api3Pending extends Api3Error {
  constructor(readonly status: string, detail: string | undefined) {
    super('unknown_outcome', `api3 accepted the request and reports it as ${status}${detail ? ` (${detail})` : ''}: not finished yet`, {
      api3Message: detail ?? status,
      hint: 'Do not send it again. Dynadot finishes such orders by hand; order_list (today) finds the order and get_order_status shows when it is done.',
    });
    this.name = 'Api3Pending';
  }
}

/** Parses api3's answer text. Never throws anything but Api3Error (Api3Pending included). */
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
  const statusText = typeof status === 'string' && status.trim() !== '' ? status.trim().toLowerCase() : undefined;

  if (codeText === undefined && statusText === undefined) {
    throw new Api3Error('api_error', 'api3 answered without a ResponseCode, SuccessCode or Status field', {
      hint: 'The response shape was not recognised; nothing was assumed about the outcome.',
    });
  }
  // Accepted but unfinished wins over the code: some answers carry code 1 beside it.
  if (statusText !== undefined && PENDING_STATUSES.has(statusText)) throw new Api3Pending(statusText, errorText(body));
  const codeOk = codeText === undefined || codeText === '0';
  const statusOk = statusText === undefined || SUCCESS_STATUSES.has(statusText);
  if (codeOk && statusOk) return payload;
  throw api3Refusal(statusText, errorText(body), codeText);
}
