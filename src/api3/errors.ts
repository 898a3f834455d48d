/**
 * The stable error vocabulary an agent sees. Every failure, from a bad argument to a dropped
 * connection, ends up as one of these codes so an agent can branch on it without parsing prose.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'permission_denied',
  'insufficient_funds',
  'busy',
  'rate_limited',
  'timeout',
  'unknown_outcome',
  'upstream_unavailable',
  'api_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class Api3Error extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** api3's own error text, when api3 answered; already free of the key. */
  readonly api3Message: string | undefined;
  /** How many attempts were made before giving up (reads may retry). */
  attempts = 1;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; api3Message?: string } = {}) {
    super(message);
    this.name = 'Api3Error';
    this.code = code;
    this.hint = opts.hint;
    this.api3Message = opts.api3Message;
  }

  /** The compact object an agent receives as the text of an `isError` result. */
  toAgent(): { error: ErrorCode; message: string; hint?: string } {
    return this.hint === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, hint: this.hint };
  }
}

/** Errors worth another attempt for a read: the same request may well succeed a moment later. */
export const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set(['busy', 'rate_limited', 'timeout', 'upstream_unavailable']);

const HINTS: Partial<Record<ErrorCode, string>> = {
  permission_denied:
    "api3 refused the key. Check that DYNADOT_API_KEY is current and that the key's IP allow-list (Dynadot control panel: Tools > API) includes this machine's public IP.",
  insufficient_funds: 'The account balance does not cover this order. Check get_account_balance; the user must add funds in the Dynadot control panel.',
  busy: 'Dynadot is busy with an earlier request for this account. Wait a few seconds; is_processing tells when it is free.',
  rate_limited: 'The account is over its api3 request rate. Wait a minute before retrying.',
  timeout: 'api3 did not answer in time (DYNADOT_TIMEOUT_MS). Try again shortly.',
  upstream_unavailable: 'api3 could not be reached or answered with a server error. Try again shortly.',
  not_found: 'Check the spelling; list_domain shows the domains in this account.',
};

/**
 * Maps api3's free-text error message to a code. api3 answers HTTP 200 for every error, so
 * its wording is all there is to go on; the patterns come from the document and messages
 * seen from the live service.
 */
export function classifyApi3Message(message: string): ErrorCode {
  const m = message.toLowerCase();
  if (/too many requests|rate limit/.test(m)) return 'rate_limited';
  if (/system_busy|system busy|is busy|problem with connection to main server|another request|in process/.test(m)) return 'busy';
  if (/not allowed from the current ip|ip (address )?(is )?not (allowed|whitelisted)|ip.*(allow|white)[- ]?list|permission|not authori[sz]ed|invalid key|api key|access denied|forbidden/.test(m))
    return 'permission_denied';
  if (/insufficient|not enough (account )?(balance|funds|money)|balance is not enough|enough balance/.test(m)) return 'insufficient_funds';
  if (/not found|does not exist|doesn't exist|not in your account|could not find|cannot find|no such|not belong/.test(m))
    return 'not_found';
  if (/invalid|missing|required|must be|not (a )?valid|unsupported|too long|too many/.test(m)) return 'invalid_input';
  return 'api_error';
}

export function api3Failure(api3Message: string): Api3Error {
  const code = classifyApi3Message(api3Message);
  const hint = HINTS[code];
  return new Api3Error(code, `api3: ${api3Message}`, hint === undefined ? { api3Message } : { api3Message, hint });
}

export function errorWithHint(code: ErrorCode, message: string, hint = HINTS[code]): Api3Error {
  return new Api3Error(code, message, hint === undefined ? {} : { hint });
}
