import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { errorMessage } from '../../src/log.js';
import { defineComposite, invoke, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainName, ttl } from '../../src/server/schemas.js';
import {
  isRecordType,
  asWritten,
  cnameBreaks,
  type CondensedRecord,
  type DnsRecordInput,
  fromCondensed,
  hostOf,
  RECORD_TYPES,
  recordListSchema,
  recordSchema,
  sameRecord,
  subdomain,
  writtenFromInput,
  writtenRecordSchema,
} from '../shared/dns-records.js';
import getDns from './get_dns.js';
import setDns2 from './set_dns2.js';

/**
 * "Point www at the new server" as one call. api3 can only replace a domain's whole record set
 * or append to it, so this reads the current records, swaps the ones named, and writes the full
 * set back through set_dns2 (which reads it back to verify). Records not named stay as they were.
 */
const input = z.object({
  domain: domainName,
  set: z.array(recordSchema).max(100).optional().describe('replace those of the same subdomain and type'),
  add: z.array(recordSchema).max(100).optional().describe('records to add; every current record stays'),
  remove: z
    // The type list is advertised once, in `set`'s records; here it is checked all the same.
    .array(z.object({ subdomain, type: z.string().refine(isRecordType, { message: `must be one of ${RECORD_TYPES.join(', ')}` }) }))
    .max(100)
    .optional(),
  ttl: ttl.optional(),
});
type Input = z.infer<typeof input>;

const slot = (r: { subdomain?: string | undefined; type: string }) => `${hostOf(r).toLowerCase()} ${r.type}`;

/**
 * Whether setting `wanted` pushes out an existing record: one of the same name and type, and,
 * because a CNAME must stand alone at its name, every other record where a CNAME is set and
 * the CNAME where an address (A, AAAA) is set.
 */
function displaces(wanted: DnsRecordInput, existing: CondensedRecord): boolean {
  if (hostOf(wanted).toLowerCase() !== hostOf(existing).toLowerCase()) return false;
  if (wanted.type === existing.type || wanted.type === 'cname') return true;
  return (wanted.type === 'a' || wanted.type === 'aaaa') && existing.type === 'cname';
}

function refuse(message: string, hint: string): never {
  throw new Api3Error('invalid_input', message, { hint });
}

/** What the call would change, worked out from the current records; writes nothing. */
async function plan(args: Input, ctx: ToolContext) {
  const set = args.set ?? [];
  const add = args.add ?? [];
  const remove = args.remove ?? [];
  if (set.length === 0 && add.length === 0 && remove.length === 0) refuse('give records to set, add or remove', 'Pass set, add, remove, or several.');

  const { dns } = await invokeRead(getDns, { domain: args.domain }, ctx);
  if (dns.type !== 'dynadot_dns') {
    refuse(
      `${args.domain} does not use Dynadot DNS (its setting is ${dns.type}), so it has no records to update`,
      'set_dns2 with the complete record set moves it to Dynadot DNS (this replaces its current setting).',
    );
  }
  const current = dns.records ?? [];
  const removedSlots = new Set(remove.map(slot));
  const goes = (r: CondensedRecord) => removedSlots.has(slot(r)) || set.some((wanted) => displaces(wanted, r));
  let kept: DnsRecordInput[];
  try {
    kept = current.filter((r) => !goes(r)).map(fromCondensed);
  } catch (error) {
    refuse(`${errorMessage(error)}; nothing was changed`, 'Use set_dns2 with the complete record set instead.');
  }
  // Added records keep everything else; one already there exactly is not written twice.
  const staying = [...kept, ...set];
  const alreadyThere = add.filter((wanted) => staying.some((have) => sameRecord(wanted, have)));
  const adding = add.filter((wanted) => !alreadyThere.includes(wanted));
  const next = recordListSchema.safeParse([...staying, ...adding]);
  if (!next.success) {
    refuse(
      `the resulting record set is not valid: ${next.error.issues.map((i) => i.message).join('; ')}`,
      'A domain on Dynadot DNS keeps at least one record, at most 20 for itself and 100 for subdomains.',
    );
  }
  // A record set exactly as it is now is neither removed nor added: it is listed as unchanged.
  const going = current.filter(goes);
  const unchanged = set.filter((wanted) => going.some((have) => sameRecord(wanted, have)));
  return {
    records: next.data,
    ttl: args.ttl ?? dns.ttl,
    removed: going.filter((have) => !unchanged.some((wanted) => sameRecord(wanted, have))).map(asWritten),
    added: [...set.filter((wanted) => !unchanged.includes(wanted)), ...adding].map(writtenFromInput),
    unchanged: [...unchanged, ...alreadyThere].map(writtenFromInput),
    breaks: cnameBreaks(next.data),
  };
}

async function run(args: Input, ctx: ToolContext) {
  const { records, ttl, removed, added } = await plan(args, ctx);
  const written = await invoke(setDns2, setDns2.input.parse({ domains: [args.domain], records, ttl }), ctx);
  return {
    done: true as const,
    domain: args.domain,
    removed,
    added,
    records_now: records.length,
    mismatches: written.verification.mismatches.flatMap((m) => m.missing),
  };
}

export default defineComposite({
  name: 'update_dns_records',
  toolset: 'dns',
  everyday: true,
  title: 'Update DNS records',
  description:
    'Change, add or remove some DNS records of one Dynadot DNS domain, keeping the others.',
  effect: 'destructive',
  snapshotOf: (args) => [args.domain],
  input,
  output: z.object({
    done: z.literal(true),
    domain: z.string(),
    removed: z.array(writtenRecordSchema).describe('the records replaced or deleted: enough to undo'),
    added: z.array(writtenRecordSchema),
    records_now: z.number(),
    mismatches: z.array(z.string()).describe('records not visible on read-back yet; api3 may apply late'),
  }),
  run,
  async preview(args, ctx) {
    const { removed, added, unchanged, records, breaks } = await plan(args, ctx);
    return {
      facts: {
        would_remove: removed,
        would_add: added,
        ...(unchanged.length > 0 ? { already_in_place: unchanged } : {}),
        records_after: records.length,
        ...(breaks.length > 0 ? { breaks } : {}),
      },
    };
  },
});
