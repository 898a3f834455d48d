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
  'cancelled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class Api3Error extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** api3's own error text, when api3 answered; already free of the key. */
  readonly api3Message: string | undefined;
  /** How many attempts were made before giving up (reads may retry). */
  attempts = 1;
  /**
   * Whether any attempt of the call may have reached api3 (set by Api3Client.call on every error
   * it throws). The server needs it for a write whose client left: never sent is nothing to audit,
   * sent is `abandoned` with an outcome nobody will see.
   */
  sent = false;
  /** For rate_limited: whole seconds until api3 accepts requests for this account again. */
  retryAfterS: number | undefined;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; api3Message?: string } = {}) {
    super(message);
    this.name = 'Api3Error';
    this.code = code;
    this.hint = opts.hint;
    this.api3Message = opts.api3Message;
  }

  /** The compact object an agent receives as the text of an `isError` result. */
  toAgent(): { error: ErrorCode; message: string; hint?: string; retry_after_s?: number } {
    const agent: { error: ErrorCode; message: string; hint?: string; retry_after_s?: number } =
      this.hint === undefined
        ? { error: this.code, message: this.message }
        : { error: this.code, message: this.message, hint: this.hint };
    if (this.retryAfterS !== undefined) agent.retry_after_s = this.retryAfterS;
    return agent;
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
  cancelled: 'The client cancelled or left this call before it was sent; nothing was sent to Dynadot.',
};

/**
 * Maps api3's free-text error message to a code. api3 answers HTTP 200 for every error, so
 * its wording is all there is to go on; the patterns come from the document and messages
 * seen from the live service.
 */
export function classifyApi3Message(message: string): ErrorCode {
  const m = message.toLowerCase();
  if (/too many requests|rate limit|over_quota|over quota/.test(m)) return 'rate_limited';
  // Outages are worded several ways; "busy" means try again soon, the others that api3 is down.
  if (/connection to main server is offline|problem with connection to main server|main server is down|service unavailable|maintenance/.test(m))
    return 'upstream_unavailable';
  if (/system_busy|system busy|is busy|another request|in process/.test(m)) return 'busy';
  if (/needs to be registered with an ip address|unlock your domain/.test(m)) return 'invalid_input';
  if (/not allowed from the current ip|ip (address )?(is )?not (allowed|whitelisted)|ip.*(allow|white)[- ]?list|permission|not authori[sz]ed|invalid key|api key|access denied|forbidden/.test(m))
    return 'permission_denied';
  if (/insufficient|not enough (account )?(balance|funds|money)|balance is not enough|enough balance/.test(m)) return 'insufficient_funds';
  if (/not found|does not exist|doesn't exist|not in your account|could not find|cannot find|no such|not belong/.test(m))
    return 'not_found';
  if (/invalid|missing|required|must be|not (a )?valid|unsupported|too long|too many/.test(m)) return 'invalid_input';
  return 'api_error';
}

/**
 * Remedies for messages whose code alone does not say what to do. The first that matches wins.
 * Hints may name any catalog tool (a one-word name in backticks): a server that does not serve
 * it adds how to enable it (ServedNames in src/server/toolsets.ts).
 */
const MESSAGE_HINTS: ReadonlyArray<[RegExp, string]> = [
  [
    /needs to be registered with an ip address/i,
    'That name server host is not in the account yet: add it with add_ns (a host elsewhere) or register_ns with its IP (a host under your own domain), or choose one from server_list.',
  ],
  [
    /skip[ _-]?lock agreement/i,
    'The account has not turned on the "API skip lock agreement": turn it on in the Dynadot control panel (account settings, API) to let API calls unlock a domain for transfer without a manual unlock; or unlock the domain there and call get_transfer_auth_code again without unlock.',
  ],
  [/unlock your domain/i, 'The domain is locked. Unlock it in the Dynadot control panel first, then call again.'],
  // Before the domain patterns: an auction or a listing that does not exist is no domain of the account.
  [
    /auction .*not found|(invalid|unknown|no such) auction/i,
    'get_open_auctions lists the open auctions (get_backorder_auction_details reads a backorder auction); an auction that has ended is in get_closed_auctions.',
  ],
  [/listing .*not found|(invalid|unknown|no such) listing/i, 'get_listings lists the marketplace listings; a listing sold or taken down is gone.'],
  // Before the domain patterns: a folder that does not exist is not a misspelt domain.
  [
    /folder .* not found|folder .*(does not exist|doesn't exist)|(invalid|unknown) folder/i,
    'Folder names must match exactly, case-sensitive ("Default" is no folder). folder_list lists every folder with its id; domain_info shows the folder a domain is already in, with its id.',
  ],
  [/order \S+ not found|order .*(does not exist|doesn't exist)/i, 'order_list shows the orders of a date range, a domain or an id, with their ids.'],
  [
    /could not find domain|not in your account|domain not found/i,
    'Check the spelling with list_domain. A domain registered in the last half hour may not be visible to api3 yet: try again later rather than registering it again.',
  ],
];

export function api3Failure(api3Message: string): Api3Error {
  const code = classifyApi3Message(api3Message);
  const hint = MESSAGE_HINTS.find(([pattern]) => pattern.test(api3Message))?.[1] ?? HINTS[code];
  return new Api3Error(code, `api3: ${api3Message}`, hint === undefined ? { api3Message } : { api3Message, hint });
}

/**
 * Statuses api3 answers instead of an error text (code 1 with `not_available`, code 5 with
 * `system_busy`): what each means to an agent.
 */
const STATUS_MEANINGS: Readonly<Record<string, { code: ErrorCode; says: string; hint?: string }>> = {
  not_available: { code: 'api_error', says: 'the domain is not available', hint: 'Someone else holds it or it is reserved; `search` shows what is available.' },
  grace_expired: {
    code: 'api_error',
    says: 'the delete grace period is over',
    hint: 'Only a domain registered in the last few days and never renewed or moved can be deleted for a refund.',
  },
  insufficient_funds: { code: 'insufficient_funds', says: 'the account balance does not cover this order' },
  system_busy: { code: 'busy', says: 'Dynadot is busy' },
  over_quota: { code: 'rate_limited', says: 'the account is over its api3 quota' },
};

/**
 * api3 declined: a failure code, or a status that is not a success, with or without an error
 * text. Decided on the status first (it is the more specific), then the text, then the code.
 */
export function api3Refusal(status: string | undefined, api3Message: string | undefined, responseCode: string | undefined): Api3Error {
  const meaning = status === undefined ? undefined : STATUS_MEANINGS[status];
  if (meaning) {
    const text = api3Message ? `${meaning.says} (${status}: ${api3Message})` : `${meaning.says} (${status})`;
    const hint = meaning.hint ?? HINTS[meaning.code];
    return new Api3Error(meaning.code, `api3: ${text}`, { api3Message: api3Message ?? status, ...(hint === undefined ? {} : { hint }) });
  }
  if (api3Message) return api3Failure(api3Message);
  const what = `request not carried out (code ${responseCode ?? 'none'}, status ${status ?? 'none'})`;
  return new Api3Error('api_error', `api3: ${what}`, {
    api3Message: what,
    hint: 'api3 gave no reason. Check the current state (domain_info, get_account_balance) before trying again.',
  });
}

export function errorWithHint(code: ErrorCode, message: string, hint = HINTS[code]): Api3Error {
  return new Api3Error(code, message, hint === undefined ? {} : { hint });
}
