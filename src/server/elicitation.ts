import { SdkError, SdkErrorCode, type ElicitRequestFormParams, type ElicitResult, type Server } from '@modelcontextprotocol/server';
import { errorMessage, log } from '../log.js';
import type { AnyToolSpec } from './define.js';
import type { Preview } from './safety.js';

/**
 * Confirmation in the client itself: when the client declared form elicitation, a destructive
 * call that came without `confirm` asks the user there instead of relying on the agent to show
 * the preview: on the 2025-era protocol as an `elicitation/create` request on the live
 * connection, on 2026-07-28 as an `input_required` round (the same question, answered with
 * the client's retry of the call). The question is the preview put in a few readable
 * lines; the answer is one boolean. Approval is only the start: the server then runs the call
 * through the same gate as a confirmed one, with the id its preview issued.
 */
export const DEFAULT_ELICITATION_TIMEOUT_MS = 60_000;
export const APPROVE_FIELD = 'approve';

/** Bounds of the question: a dialog, not a dump. */
const MAX_MESSAGE_CHARS = 1_500;
const MAX_LINE_CHARS = 200;
const MAX_LIST_ITEMS = 8;
const MAX_VALUE_CHARS = 80;
const MAX_DEPTH = 3;
/** Facts meant for the agent rather than the person approving. */
const NOT_FOR_PEOPLE = new Set(['tip']);

export type Approval =
  | { approved: true }
  /** The user said no (declined, cancelled, or answered approve: false): the id is withdrawn. */
  | { approved: false; answered: true; why: string }
  /** No usable answer (timeout, error): the preview stands as it would without elicitation. */
  | { approved: false; answered: false; why: string };

/** Whether the connected client can be asked through a form. An empty `elicitation: {}` means form. */
export function canElicit(server: Server): boolean {
  return server.getClientCapabilities()?.elicitation?.form !== undefined;
}

/** The form of the question: one boolean. */
export function approvalSchema(spec: AnyToolSpec): ElicitRequestFormParams['requestedSchema'] {
  return {
    type: 'object',
    properties: {
      [APPROVE_FIELD]: { type: 'boolean', title: `Approve ${spec.name}`, description: 'Send this call to Dynadot now', default: false },
    },
    required: [APPROVE_FIELD],
  };
}

/** What an answer to the question means, whichever way it arrived. */
export function approvalOf(answer: { action: ElicitResult['action']; content?: Record<string, unknown> | undefined }): Approval {
  if (answer.action === 'accept' && answer.content?.[APPROVE_FIELD] === true) return { approved: true };
  const how =
    answer.action === 'decline' ? '' : answer.action === 'cancel' ? ' (closed the prompt without approving)' : ` (answered without ${APPROVE_FIELD})`;
  return { approved: false, answered: true, why: `The user declined this call in the client${how}; nothing was sent.` };
}

/** 2025 era: asks the user to approve the call the preview shows, over the live connection; never throws. */
export async function askApproval(
  server: Server,
  spec: AnyToolSpec,
  preview: Preview,
  options: { timeoutMs: number; demo: boolean; signal?: AbortSignal; relatedRequestId?: string | number },
): Promise<Approval> {
  const params: ElicitRequestFormParams = {
    mode: 'form',
    message: approvalMessage(spec, preview, options.demo),
    requestedSchema: approvalSchema(spec),
  };
  try {
    const answer = await server.elicitInput(params, {
      timeout: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.relatedRequestId !== undefined ? { relatedRequestId: options.relatedRequestId } : {}),
    });
    return approvalOf(answer);
  } catch (error) {
    if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) {
      return { approved: false, answered: false, why: `No answer from the user in the client within ${seconds(options.timeoutMs)}; nothing was sent.` };
    }
    log('warn', `asking the user to approve ${spec.name} in the client failed: ${errorMessage(error)}`);
    return { approved: false, answered: false, why: 'The client could not ask the user to approve this call; nothing was sent.' };
  }
}

function seconds(ms: number): string {
  return ms >= 1_000 ? `${Math.round(ms / 1_000)} s` : `${ms} ms`;
}

/**
 * The question a person reads: what the call does, what it is called with, and the facts they
 * decide on (price, balance, what it replaces), as short lines rather than JSON.
 */
export function approvalMessage(spec: AnyToolSpec, preview: Preview, demo: boolean): string {
  const head = [
    `Approve ${spec.name}? ${preview.summary.replace(/^Preview only[^.]*\.\s*/, '')}`,
    ...(demo ? ['Demo account: simulated, nothing is real or charged.'] : []),
  ];
  const request = Object.entries(preview.would_call).flatMap(([key, value]) => lines(key, value, 1));
  const facts = Object.entries(preview.details ?? {})
    .filter(([key]) => !NOT_FOR_PEOPLE.has(key))
    .flatMap(([key, value]) => lines(key, value, 1));
  const tail = 'Approve sends it to Dynadot now; declining sends nothing.';
  const out = head.map((line) => clip(line, MAX_MESSAGE_CHARS / 3));
  // What is asked and what it replaces share the room left, each keeping what the other leaves.
  const room = MAX_MESSAGE_CHARS - out.join('\n').length - tail.length - 2;
  const sections: Array<[string, string[]]> = [
    ['Request:', request.map((line) => clip(line, MAX_LINE_CHARS))],
    ['Facts:', facts.map((line) => clip(line, MAX_LINE_CHARS))],
  ];
  const sizes = sections.map(([title, body]) => (body.length === 0 ? 0 : [title, ...body].join('\n').length + 1));
  const half = Math.floor(room / 2);
  const budgets = sizes.map((_size, i) => Math.max(half, room - Math.min(half, sizes[1 - i] ?? 0)));
  sections.forEach(([title, body], i) => {
    if (body.length > 0) out.push(...fit(title, body, budgets[i] ?? half));
  });
  out.push(tail);
  return out.join('\n');
}

/** A titled list of lines within `budget` characters, saying how many were left out. */
function fit(title: string, body: string[], budget: number): string[] {
  const out = [title];
  let used = title.length + 1;
  for (const [i, line] of body.entries()) {
    const reserve = i < body.length - 1 ? 40 : 0;
    if (used + line.length + 1 + reserve > budget) {
      out.push(`  … ${body.length - i} more lines in the preview`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function label(key: string): string {
  return key.replace(/_/g, ' ');
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** What get_dns's `extra` holds, by record type. */
const EXTRA_LABEL: Record<string, string> = { mx: 'priority', email: 'alias', stealth: 'title', forward: 'redirect' };

/** `{amount, currency}` as "10.99 USD"; a DNS record as "www A 192.0.2.1" (MX priority included). */
function special(value: Plain): string | undefined {
  const keys = Object.keys(value);
  if (typeof value.amount === 'number' && typeof value.currency === 'string' && keys.length === 2) return `${value.amount} ${value.currency}`;
  const { type } = value;
  if (typeof type === 'string' && typeof value.value === 'string' && keys.every((k) => isScalar(value[k]))) {
    const sub = typeof value.subdomain === 'string' && value.subdomain !== '' ? value.subdomain : '@';
    const rest = keys
      .filter((k) => !['type', 'value', 'subdomain'].includes(k) && value[k] !== undefined)
      .map((k) => `${k === 'extra' ? (EXTRA_LABEL[type] ?? 'extra') : label(k)} ${String(value[k])}`);
    return [sub, type.toUpperCase(), clip(value.value, MAX_VALUE_CHARS), ...rest].join(' ');
  }
  return undefined;
}

/** A value on one line; long texts are cut only where they are one item among several. */
function inline(value: unknown, among = false): string {
  if (value === undefined || value === null) return 'none';
  if (isScalar(value)) return among ? clip(String(value), MAX_VALUE_CHARS) : String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const shown = value.slice(0, MAX_LIST_ITEMS).map((item) => inline(item, true));
    const more = value.length > MAX_LIST_ITEMS ? [`… ${value.length - MAX_LIST_ITEMS} more`] : [];
    return [...shown, ...more].join(value.every(isScalar) ? ', ' : '; ');
  }
  if (isPlain(value)) {
    const known = special(value);
    if (known !== undefined) return known;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${label(k)} ${inline(v, true)}`).join(', ');
  }
  return String(value);
}

/** A named value as indented lines: nested objects and lists of objects open up, to a depth. */
function lines(key: string, value: unknown, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (value === undefined) return [];
  if (depth <= MAX_DEPTH && isPlain(value) && special(value) === undefined && Object.keys(value).length > 0) {
    return [`${pad}${label(key)}:`, ...Object.entries(value).flatMap(([k, v]) => lines(k, v, depth + 1))];
  }
  if (depth <= MAX_DEPTH && Array.isArray(value) && value.length > 1 && !value.every(isScalar)) {
    const shown = value.slice(0, MAX_LIST_ITEMS).map((item) => `${pad}  - ${inline(item, true)}`);
    const more = value.length > MAX_LIST_ITEMS ? [`${pad}  - … ${value.length - MAX_LIST_ITEMS} more`] : [];
    return [`${pad}${label(key)}:`, ...shown, ...more];
  }
  return [`${pad}${label(key)}: ${inline(value)}`];
}
