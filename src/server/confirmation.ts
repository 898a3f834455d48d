import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isJson, type Json } from './condense.js';

/**
 * Confirmation ids: what makes `confirm: true` mean "the user saw this preview" rather than a
 * flag an agent can set by itself. A preview issues an id that is an HMAC over the tool, the
 * canonical arguments and the facts shown (price, the current settings replaced), valid for ten
 * minutes; the confirmed call recomputes the facts and must present the same id. Nothing is
 * stored: any replica holding the same secret (DYNADOT_CONFIRM_SECRET) can check an id.
 *
 * Format `c1.<expiry, epoch seconds>.<nonce>.<mac over tool and arguments>.<mac over all of it>`:
 * the two macs let a refusal say whether the arguments or the facts changed. The nonce makes
 * every preview's id its own, so an id can be consumed once (single-use.ts) without consuming a
 * later preview of the same call with the same facts (a change undone and made again).
 */
export const CONFIRMATION_TTL_MS = 10 * 60_000;
const VERSION = 'c1';

export type Verdict =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'other_call' | 'facts_changed'; message: string };

const MESSAGES: Record<Exclude<Verdict, { ok: true }>['reason'], string> = {
  missing: 'confirm: true came without the confirmation_id of a preview: a fresh preview follows.',
  malformed: 'the confirmation_id is not one this server issued: a fresh preview follows.',
  expired: 'the confirmation_id is more than 10 minutes old: a fresh preview follows.',
  other_call: 'the confirmation_id was issued for another tool or other arguments: a fresh preview of these follows.',
  facts_changed: 'the price or the current settings changed since the preview was shown: a fresh preview follows.',
};

/** JSON with keys sorted at every depth and undefined dropped: equal meaning, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJson(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class Confirmations {
  private readonly key: Buffer;

  /** `secret`: DYNADOT_CONFIRM_SECRET, shared by replicas; without it a random one per process. */
  constructor(
    secret?: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.key = secret ? createHash('sha256').update(secret).digest() : randomBytes(32);
  }

  /**
   * A key for another purpose derived from this secret (the 2026 approval round trip's
   * requestState codec): replicas sharing DYNADOT_CONFIRM_SECRET derive the same one.
   */
  deriveKey(label: string): Uint8Array {
    return createHmac('sha256', this.key).update(`derive\u0000${label}`).digest();
  }

  private mac(...parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  }

  issue(tool: string, args: Json, facts: Json): string {
    const expires = String(Math.floor((this.now() + CONFIRMATION_TTL_MS) / 1000));
    const nonce = randomBytes(8).toString('base64url');
    const call = this.mac(VERSION, expires, nonce, tool, canonicalJson(args));
    return [VERSION, expires, nonce, call, this.mac(VERSION, expires, call, canonicalJson(facts))].join('.');
  }

  verify(id: unknown, tool: string, args: Json, facts: Json): Verdict {
    const refuse = (reason: Exclude<Verdict, { ok: true }>['reason']): Verdict => ({ ok: false, reason, message: MESSAGES[reason] });
    if (id === undefined || id === '') return refuse('missing');
    const parts = typeof id === 'string' ? id.split('.') : [];
    const [version, expires, nonce, call, all] = parts;
    if (parts.length !== 5 || version !== VERSION || expires === undefined || !/^\d+$/.test(expires) || nonce === undefined || call === undefined || all === undefined) {
      return refuse('malformed');
    }
    if (!same(call, this.mac(VERSION, expires, nonce, tool, canonicalJson(args)))) return refuse('other_call');
    if (!same(all, this.mac(VERSION, expires, call, canonicalJson(facts)))) return refuse('facts_changed');
    // Checked after the macs, so an altered expiry cannot pass as merely expired.
    if (Number(expires) * 1000 < this.now()) return refuse('expired');
    return { ok: true };
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
