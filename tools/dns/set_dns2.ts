import { z } from 'zod';
import { defineTool, invokeRead, type ToolContext } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { Api3Error } from '../../src/api3/errors.js';
import getDns from './get_dns.js';
import type { NameServerSetting } from '../shared/domain.js';
import { type DnsRecordInput, dnsFields, isMain, recordParams } from '../shared/dns-records.js';
import { apiParams, commaList, flagParam } from '../../src/api3/params.js';

/** Read-back after a write costs one call per domain; beyond this many it is skipped. */
const MAX_VERIFIED_DOMAINS = 10;

const input = z.object({
  domains: domainList(100),
  ...dnsFields,
  append: z.boolean().default(false).describe('Add to the current records instead of replacing them all'),
});
type Input = z.infer<typeof input>;

function toApi(args: Input) {
  return apiParams({ domain: commaList(args.domains) }, recordParams(args.records, args.ttl), {
    add_dns_to_current_setting: flagParam.oneWhenOn(args.append),
  });
}

async function currentDns(domain: string, ctx: ToolContext): Promise<NameServerSetting> {
  return (await invokeRead(getDns, { domain }, ctx)).dns;
}

const sameRecord = (want: DnsRecordInput, have: NonNullable<NameServerSetting['records']>[number]) =>
  have.type === want.type &&
  // get_dns's condensing trims values, so compare trimmed on both sides.
  have.value.trim().toLowerCase() === want.value.trim().toLowerCase() &&
  (have.subdomain ?? '') === (isMain(want) ? '' : want.subdomain);

/** api3 has been seen to apply DNS writes late or partly, so each write is read back and compared. */
async function verify(args: Input, ctx: ToolContext) {
  const checked = args.domains.slice(0, MAX_VERIFIED_DOMAINS);
  const mismatches: Array<{ domain: string; missing: string[] }> = [];
  for (const domain of checked) {
    const dns = await currentDns(domain, ctx);
    const missing = args.records.filter((want) => !(dns.records ?? []).some((have) => sameRecord(want, have)));
    if (missing.length > 0) mismatches.push({ domain, missing: missing.map((r) => `${isMain(r) ? '@' : r.subdomain} ${r.type} ${r.value}`) });
  }
  return { checked: checked.length, of: args.domains.length, mismatches };
}

type Verification = Awaited<ReturnType<typeof verify>>;

function confirmation(_body: unknown, args: Input) {
  return {
    done: true as const,
    domains: args.domains,
    changed: { records: args.records.length, replaced_existing: !args.append, ...(args.ttl ? { ttl: args.ttl } : {}) },
    verification: { checked: 0, of: args.domains.length, mismatches: [] } as Verification,
  };
}

export default defineTool({
  name: 'set_dns2',
  toolset: 'dns',
  title: 'Set DNS records',
  description:
    'Set DNS records on Dynadot DNS for up to 100 domains. Replaces ALL current records unless append is true; replacing needs confirm. Reads the records back afterwards.',
  effect: 'destructive',
  input,
  output: z.object({
    done: z.literal(true),
    domains: z.array(z.string()),
    changed: z.object({ records: z.number(), replaced_existing: z.boolean(), ttl: z.number().optional() }),
    verification: z.object({
      checked: z.number(),
      of: z.number(),
      mismatches: z.array(z.object({ domain: z.string(), missing: z.array(z.string()) })).describe('records not visible yet; api3 may apply late'),
    }),
  }),
  needsConfirm: (args) => !args.append,
  toApi,
  condense: confirmation,
  async run(args, ctx) {
    await ctx.api.call({ command: 'set_dns2', params: toApi(args), mutates: true });
    let verification: Verification;
    try {
      verification = await verify(args, ctx);
    } catch (error) {
      const reason = error instanceof Api3Error ? error.code : 'error';
      verification = { checked: 0, of: args.domains.length, mismatches: [{ domain: '*', missing: [`read-back failed (${reason}); check with get_dns`] }] };
    }
    return { ...confirmation({}, args), verification };
  },
  async preview(args, ctx) {
    const shown = args.domains.slice(0, 5);
    const current: Record<string, unknown> = {};
    for (const domain of shown) current[domain] = await currentDns(domain, ctx);
    return {
      replaces_current_records: current,
      ...(args.domains.length > shown.length ? { and_more_domains: args.domains.length - shown.length } : {}),
      tip: 'To add records without removing these, call again with append: true (no confirm needed).',
    };
  },
});
