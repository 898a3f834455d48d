import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import { keysOf } from '../shared/keys.js';
import { notInAccount } from '../shared/write.js';
import getDns from './get_dns.js';

/** The document's numbers, by the IANA mnemonics a DNS host shows beside them. */
const ALGORITHM = {
  rsamd5: 1,
  dh: 2,
  dsa: 3,
  ecc: 4,
  rsasha1: 5,
  dsa_nsec3_sha1: 6,
  rsasha1_nsec3_sha1: 7,
  rsasha256: 8,
  rsasha512: 10,
  ecc_gost: 12,
  ecdsap256sha256: 13,
  ecdsap384sha384: 14,
  ed25519: 15,
  ed448: 16,
  indirect: 252,
  privatedns: 253,
  privateoid: 254,
} as const;
const DIGEST_TYPE = { sha1: 1, sha256: 2, gost: 3, sha384: 4 } as const;
/** Hex digits of each digest type's digest. */
const DIGEST_HEX: Record<keyof typeof DIGEST_TYPE, number> = { sha1: 40, sha256: 64, gost: 64, sha384: 96 };
const FLAGS = { zsk: 256, ksk: 257 } as const;

const ds = z
  .object({
    type: z.literal('ds'),
    key_tag: z.int().min(0).max(65535),
    digest_type: z.enum(keysOf(DIGEST_TYPE)),
    digest: z.string().max(96),
  })
  // Checked here, not advertised: hex of the length its digest type gives.
  .refine((r) => new RegExp(`^[0-9a-f]{${DIGEST_HEX[r.digest_type]}}$`, 'i').test(r.digest), {
    message: 'must be hex: 40 digits for sha1, 64 for sha256 and gost, 96 for sha384',
    path: ['digest'],
  });

const dnskey = z.object({
  type: z.literal('dnskey'),
  flags: z.enum(keysOf(FLAGS)),
  public_key: z
    .string()
    .max(2048)
    .transform((v) => v.replace(/ /g, ''))
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v), { message: 'must be base64' }),
});

const input = z.object({
  domain: domainName,
  algorithm: z.enum(keysOf(ALGORITHM)).describe('e.g. ecdsap256sha256, ed25519, rsasha256'),
  record: z.discriminatedUnion('type', [ds, dnskey]),
});
type Input = z.infer<typeof input>;

function toApi(args: Input) {
  const { record } = args;
  const key =
    record.type === 'ds'
      ? { key_tag: record.key_tag, digest_type: DIGEST_TYPE[record.digest_type], digest: record.digest }
      : { flags: FLAGS[record.flags], public_key: record.public_key };
  return apiParams({ domain_name: args.domain }, key, { algorithm: ALGORITHM[args.algorithm] });
}

export default defineTool({
  name: 'set_dnssec',
  toolset: 'dns',
  title: 'Set DNSSEC',
  description: "Set a domain's DNSSEC key (DS or DNSKEY) at the registry, replacing it. A wrong key breaks resolution.",
  effect: 'destructive',
  idempotent: true,
  input,
  output: z.object({ done: z.literal(true), domain: z.string(), changed: z.record(z.string(), z.unknown()).describe('the key now in place') }),
  toApi,
  condense: (_body, args) => ({ done: true as const, domain: args.domain, changed: { algorithm: args.algorithm, record: args.record } }),
  /**
   * No read tells a domain's DNSSEC, so the preview shows what can be read: the domain is in the
   * account, and who serves its DNS (who must sign with this key).
   */
  async preview(args, ctx) {
    const refusals = notInAccount([args.domain], await ctx.account.domains({ names: [args.domain] }, ctx));
    if (refusals) return { facts: {}, refusals };
    const { dns } = await invokeRead(getDns, { domain: args.domain }, ctx);
    return {
      facts: {
        dns_served_by: dns.type === 'name_servers' ? (dns.name_servers ?? []) : dns.type,
        note: "api3 cannot read the domain's DNSSEC now: this replaces it. The key must be the one that DNS host signs the zone with.",
      },
    };
  },
});
