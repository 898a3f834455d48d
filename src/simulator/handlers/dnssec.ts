import { ownedDomain, ownedDomainList } from '../domains-util.js';
import type { SimDnssec } from '../state.js';
import { required, SimFailure, type SimHandlers, type SimParams } from '../types.js';
import { settingHandlers } from './settings.js';

/**
 * DNSSEC of a domain (set_dnssec): one key, as the document's option 1 (a DS record: key_tag,
 * digest_type, digest) or option 2 (a DNSKEY: flags, public_key), each with its algorithm; the
 * numbers are the document's lists. A new key replaces the one the domain had.
 */
const ALGORITHMS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 15, 16, 252, 253, 254]);
/** Hex digits of each digest type's digest: SHA-1, SHA-256, GOST R 34.11-94, SHA-384. */
const DIGEST_HEX: Record<number, number> = { 1: 40, 2: 64, 3: 64, 4: 96 };
const FLAGS = new Set([256, 257]);
const OPTION_1 = ['key_tag', 'digest_type', 'digest'];
const OPTION_2 = ['flags', 'public_key'];

function numberIn(params: SimParams, name: string, allowed: (n: number) => boolean): number {
  const value = required(params, name);
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!allowed(n)) throw new SimFailure(`invalid ${name}: ${value}`);
  return n;
}

function readKey(params: SimParams): SimDnssec {
  const given = (names: string[]) => names.filter((name) => params[name] !== undefined && params[name] !== '');
  const ds = given(OPTION_1);
  const dnskey = given(OPTION_2);
  if (ds.length > 0 && dnskey.length > 0) throw new SimFailure('give either key_tag, digest_type and digest, or flags and public_key, not both');
  const algorithm = numberIn(params, 'algorithm', (n) => ALGORITHMS.has(n));
  if (dnskey.length > 0) {
    const publicKey = required(params, 'public_key');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(publicKey)) throw new SimFailure('invalid public_key: it must be base64');
    return { kind: 'dnskey', algorithm, flags: numberIn(params, 'flags', (n) => FLAGS.has(n)), publicKey };
  }
  const keyTag = numberIn(params, 'key_tag', (n) => n >= 0 && n <= 65535);
  const digestType = numberIn(params, 'digest_type', (n) => n in DIGEST_HEX);
  const digest = required(params, 'digest');
  if (!new RegExp(`^[0-9a-f]{${DIGEST_HEX[digestType]}}$`, 'i').test(digest)) throw new SimFailure(`invalid digest for digest_type ${digestType}`);
  return { kind: 'ds', algorithm, keyTag, digestType, digest: digest.toUpperCase() };
}

const clearSetting = settingHandlers.set_clear_domain_setting;
if (!clearSetting) throw new Error('set_clear_domain_setting has no handler');

export const dnssecHandlers: SimHandlers = {
  set_dnssec: {
    root: 'SetDnssecResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain_name'));
      domain.dnssec = readKey(params);
      return { ResponseCode: 0, Status: 'success' };
    },
  },

  /** The scoped clear of settings.ts, plus `service=dnssec`: the domains' key goes. */
  set_clear_domain_setting: {
    root: clearSetting.root,
    handle(params, ctx) {
      const answer = clearSetting.handle(params, ctx);
      if (params.service === 'dnssec') for (const domain of ownedDomainList(ctx.account, required(params, 'domain'))) delete domain.dnssec;
      return answer;
    },
  },
};
