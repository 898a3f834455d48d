import { SNAPSHOT_ID } from '../../src/server/state-store.js';
import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { MASKED_SECRET } from '../../src/api3/redact.js';
import { isJson, type Json } from '../../src/server/condense.js';
import { defineComposite, invokeRead, type ToolCall, toolCall, type ToolContext } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { errorMessage } from '../../src/log.js';
import type { Snapshot } from '../../src/server/state-store.js';
import getDns from '../dns/get_dns.js';
import setDns2 from '../dns/set_dns2.js';
import setParking from '../domains/set_parking.js';
import serverList from '../nameservers/server_list.js';
import setNs from '../nameservers/set_ns.js';
import { asWritten, comparable, type CondensedRecord, type DnsRecordInput, fromCondensed, hostOf, upgradedRecord } from '../shared/dns-records.js';
import { type NameServerSetting, nameServerSettingSchema } from '../shared/domain.js';
import { notInAccount, SHOWN_DOMAINS } from '../shared/write.js';
import { boundSettings, currentSettings } from '../shared/service-preview.js';
import { storeOf } from './list_snapshots.js';

/**
 * The undo of issue 10: puts back what a snapshot saved before a change, through the tools that
 * set each kind of setting (set_dns2 for Dynadot DNS records and TTL, set_ns for outside name
 * servers, set_parking for the parking page), then reads every domain back and reports what
 * still differs. A setting no served tool can set (forwarding, stealth, hosting) is refused by
 * the preview, never pretended.
 */

/** StateStore's id format (`s-20261124T203800Z-1a2b3c`). */

const input = z.object({
  snapshot_id: z.string().regex(SNAPSHOT_ID, 'must be a snapshot id from list_snapshots, e.g. s-20260115T120000000Z-1a2b3c'),
  domains: domainList(100).optional().describe('default: all'),
});
type Input = z.infer<typeof input>;

/** How one domain's saved setting goes back: a call of the tool that sets it, and the name servers it needs registered. */
type Step = ToolCall & { nameServers?: string[] };

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * The parts of a saved setting that held the API key or a configured secret, masked when the
 * snapshot was written: writing them back would put the mask into live DNS, not the value.
 */
function maskedParts(saved: NameServerSetting): string[] {
  const parts = (saved.records ?? []).filter((r) => JSON.stringify(r).includes(MASKED_SECRET)).map((r) => `the ${r.type.toUpperCase()} record of ${hostOf(r) || '@'}`);
  if ((saved.name_servers ?? []).some((h) => h.includes(MASKED_SECRET))) parts.push('a name server');
  if (saved.forward_to?.includes(MASKED_SECRET)) parts.push('its forwarding URL');
  return parts;
}

/** The step that puts `saved` back on `domain`, or why no served tool can. */
function stepFor(domain: string, saved: NameServerSetting): Step | string {
  const masked = maskedParts(saved);
  if (masked.length > 0) {
    return `${domain}: ${masked.join(', ')} held this server's API key or a configured secret, masked in the snapshot, so it cannot be put back as it was (a restore would write the zone without it); set it in the Dynadot control panel`;
  }
  switch (saved.type) {
    case 'dynadot_dns': {
      let records: DnsRecordInput[];
      try {
        records = (saved.records ?? []).map(fromCondensed);
      } catch (error) {
        return `${domain}: ${errorMessage(error)}, so its Dynadot DNS records cannot be put back`;
      }
      const parsed = setDns2.input.safeParse({ domains: [domain], records, ...(saved.ttl === undefined ? {} : { ttl: saved.ttl }) });
      return parsed.success ? toolCall(setDns2, parsed.data) : `${domain}: set_dns2 cannot write its saved Dynadot DNS setting (${issues(parsed.error)})`;
    }
    case 'name_servers': {
      const parsed = setNs.input.safeParse({ domains: [domain], name_servers: saved.name_servers ?? [] });
      return parsed.success ? { ...toolCall(setNs, parsed.data), nameServers: parsed.data.name_servers } : `${domain}: set_ns cannot set its saved name servers (${issues(parsed.error)})`;
    }
    case 'dynadot_parking': {
      const parsed = setParking.input.safeParse({ domains: [domain], ...(saved.with_ads === undefined ? {} : { with_ads: saved.with_ads }) });
      return parsed.success ? toolCall(setParking, parsed.data) : `${domain}: set_parking cannot park it (${issues(parsed.error)})`;
    }
    default:
      return `${domain}: its snapshot holds ${saved.type.replace(/_/g, ' ')}${saved.forward_to ? ` to ${saved.forward_to}` : ''}, which no served tool sets yet, so it cannot be put back; set it in the Dynadot control panel`;
  }
}

/** A record as DNS compares it: names without case or a final dot, text as written. */
function recordKey(r: CondensedRecord): string {
  const { priority, permanent, title, alias } = asWritten(r);
  return JSON.stringify([hostOf(r).toLowerCase(), r.type, comparable(r.type, r.value), priority ?? null, permanent ?? null, title ?? null, alias ?? null]);
}

/** The records of `a` that `b` lacks, counted as a multiset. */
function lacking(a: readonly CondensedRecord[], b: readonly CondensedRecord[]): CondensedRecord[] {
  const counts = new Map<string, number>();
  for (const r of b) counts.set(recordKey(r), (counts.get(recordKey(r)) ?? 0) + 1);
  return a.filter((r) => {
    const left = counts.get(recordKey(r)) ?? 0;
    if (left > 0) counts.set(recordKey(r), left - 1);
    return left === 0;
  });
}

const hostsOf = (s: NameServerSetting) => (s.name_servers ?? []).map((h) => h.toLowerCase().replace(/\.$/, ''));

/** What differs between the setting now and the saved one, as a person reads it; {} when none. */
function differences(now: NameServerSetting, saved: NameServerSetting): Json {
  const out: Json = {};
  if (now.type !== saved.type) out.service = { now: now.type, snapshot: saved.type };
  if (saved.type === 'dynadot_dns') {
    const missing = lacking(saved.records ?? [], now.records ?? []);
    const extra = lacking(now.records ?? [], saved.records ?? []);
    if (missing.length > 0) out.records_missing = missing.map(asWritten);
    if (extra.length > 0) out.records_extra = extra.map(asWritten);
    if (saved.ttl !== undefined && now.ttl !== saved.ttl) out.ttl = { now: now.ttl ?? null, snapshot: saved.ttl };
  }
  if (saved.type === 'name_servers') {
    const missing = hostsOf(saved).filter((h) => !hostsOf(now).includes(h));
    const extra = hostsOf(now).filter((h) => !hostsOf(saved).includes(h));
    if (missing.length > 0) out.name_servers_missing = missing;
    if (extra.length > 0) out.name_servers_extra = extra;
  }
  if (saved.type === 'dynadot_parking' && saved.with_ads !== undefined && now.with_ads !== saved.with_ads) {
    out.with_ads = { now: now.with_ads ?? null, snapshot: saved.with_ads };
  }
  return out;
}

/** A setting as a person writes it: the service, and its records (MX priority, not api3's extra), TTL or name servers. */
function written(s: NameServerSetting): Json {
  const out: Json = { service: s.type };
  if (s.name_servers?.length) out.name_servers = s.name_servers;
  if (s.with_ads !== undefined) out.with_ads = s.with_ads;
  if (s.records?.length) out.records = s.records.map(asWritten);
  if (s.ttl !== undefined) out.ttl = s.ttl;
  if (s.forward_to !== undefined) out.forward_to = s.forward_to;
  return out;
}

/** What a confirmed call changes on one domain: only the records that move when both are on Dynadot DNS. */
function change(now: NameServerSetting, saved: NameServerSetting): Json {
  const diff = differences(now, saved);
  if (Object.keys(diff).length === 0) return { already_in_place: true };
  if (now.type !== 'dynadot_dns' || saved.type !== 'dynadot_dns') return { now: written(now), put_back: written(saved) };
  const out: Json = { service: 'dynadot_dns' };
  if (diff.records_extra) out.remove = diff.records_extra;
  if (diff.records_missing) out.put_back = diff.records_missing;
  if (diff.ttl) out.ttl = diff.ttl;
  return out;
}

interface Loaded {
  snapshot?: Snapshot;
  domains: string[];
  saved: Map<string, NameServerSetting>;
  refusals: string[];
}

/** A saved setting whose records an earlier version kept with api3's `extra`, in today's words (upgradedRecord). */
function upgradedSetting(raw: unknown): unknown {
  if (!isJson(raw) || !Array.isArray(raw.records)) return raw;
  return { ...raw, records: raw.records.map((r: unknown) => (isJson(r) ? upgradedRecord({ ...r, type: r.type }) : r)) };
}

/** The snapshot and the domains of the call, with what stands in the way of putting them back (reads nothing from api3). */
function load(args: Input, ctx: ToolContext): Loaded {
  const snapshot = storeOf(ctx).get(args.snapshot_id);
  const saved = new Map<string, NameServerSetting>();
  if (!snapshot) return { domains: [], saved, refusals: [`no snapshot ${args.snapshot_id} in this server's state folder; list_snapshots shows the ones kept`] };
  const domains = args.domains ?? Object.keys(snapshot.domains);
  const refusals: string[] = [];
  const absent = domains.filter((d) => !Object.hasOwn(snapshot.domains, d));
  if (absent.length > 0) refusals.push(`not in snapshot ${snapshot.id}: ${absent.join(', ')} (it holds ${Object.keys(snapshot.domains).join(', ')})`);
  for (const domain of domains.filter((d) => !absent.includes(d))) {
    const parsed = nameServerSettingSchema.safeParse(upgradedSetting(snapshot.domains[domain]));
    if (!parsed.success) refusals.push(`${domain}: its saved setting cannot be read`);
    else saved.set(domain, parsed.data);
  }
  return { snapshot, domains, saved, refusals };
}

/** A domain's saved setting and the step that puts it back. */
interface Planned {
  saved: NameServerSetting;
  step: Step;
}

/** The steps for every domain, or the refusals of the ones no served tool can put back. */
function plan(loaded: Loaded): { steps: Map<string, Planned>; refusals: string[] } {
  const steps = new Map<string, Planned>();
  const refusals = [...loaded.refusals];
  let unrestorable = 0;
  for (const [domain, saved] of loaded.saved) {
    const step = stepFor(domain, saved);
    if (typeof step === 'string') {
      refusals.push(step);
      unrestorable++;
    } else steps.set(domain, { saved, step });
  }
  if (unrestorable > 0 && steps.size > 0) refusals.push(`the others can be put back on their own: call again with domains: ${[...steps.keys()].join(', ')}`);
  return { steps, refusals };
}

const resultSchema = z.object({
  domain: z.string(),
  restored: z.boolean(),
  with: z.string().optional().describe('the tool that put it back'),
  already_in_place: z.literal(true).optional(),
  error: z.string().optional(),
  differences: z.record(z.string(), z.unknown()).optional().describe('read back: what still differs from the snapshot'),
});
type DomainResult = z.infer<typeof resultSchema>;

async function restoreOne(domain: string, saved: NameServerSetting, step: Step, ctx: ToolContext): Promise<DomainResult> {
  const failed = (error: unknown) => (error instanceof Api3Error ? `${error.code}: ${error.message}` : errorMessage(error));
  let alreadyInPlace = false;
  try {
    const { dns: now } = await invokeRead(getDns, { domain }, ctx);
    alreadyInPlace = Object.keys(differences(now, saved)).length === 0;
    if (!alreadyInPlace) await step.send(ctx);
  } catch (error) {
    return { domain, restored: false, with: step.tool, error: `${failed(error)}; check with get_dns` };
  }
  let diff: Json;
  try {
    diff = differences((await invokeRead(getDns, { domain }, ctx)).dns, saved);
  } catch (error) {
    return { domain, restored: false, with: step.tool, error: `read-back failed (${failed(error)}); check with get_dns` };
  }
  const restored = Object.keys(diff).length === 0;
  return {
    domain,
    restored,
    ...(alreadyInPlace ? { already_in_place: true as const } : { with: step.tool }),
    ...(restored ? {} : { differences: diff }),
  };
}

export default defineComposite({
  name: 'restore_settings',
  toolset: 'undo',
  everyday: true,
  title: 'Restore settings',
  description:
    'Put back the DNS records, name servers or parking a snapshot saved (list_snapshots), and read back.',
  effect: 'destructive',
  // A restore replaces live settings too, so it is itself snapshotted and can be undone.
  // The domains it restores (given, or all of the snapshot's): a restore can itself be undone.
  snapshotOf: (args, ctx) => args.domains ?? Object.keys(ctx.store?.get(args.snapshot_id)?.domains ?? {}),
  input,
  output: z.object({
    done: z.literal(true),
    from_snapshot: z.string(),
    all_restored: z.boolean(),
    domains: z.array(resultSchema),
  }),
  async preview(args, ctx) {
    const loaded = load(args, ctx);
    if (!loaded.snapshot) return { facts: { snapshot_id: args.snapshot_id }, refusals: loaded.refusals };
    const { steps, refusals } = plan(loaded);
    // Outside name servers must be registered in the account, or api3 refuses set_ns.
    const hosts = [...steps.values()].flatMap(({ step }) => step.nameServers ?? []);
    if (hosts.length > 0) {
      const registered = new Set((await invokeRead(serverList, {}, ctx)).items.map((s) => s.name.toLowerCase()));
      const missing = [...new Set(hosts.filter((h) => !registered.has(h)))];
      if (missing.length > 0) refusals.push(`name servers no longer registered in this account: ${missing.join(', ')}; register them in the Dynadot control panel first`);
    }
    // Every domain's setting now (one list_domain, get_dns for those on Dynadot DNS): the first
    // few are shown, all are bound, and a restore with nothing left to change issues no id.
    const { found, settings } = await currentSettings([...loaded.saved.keys()], ctx);
    const gone = notInAccount([...loaded.saved.keys()], found);
    if (gone) refusals.push(...gone);
    const changes: Record<string, Json> = {};
    for (const [domain, saved] of loaded.saved) {
      const now = settings.get(domain);
      if (now) changes[domain] = change(now, saved);
    }
    const pending = Object.values(changes).filter((c) => c.already_in_place !== true).length;
    if (refusals.length === 0 && pending === 0) refusals.push('every domain already has the setting the snapshot saved: there is nothing to put back');
    const shown = Object.keys(changes).slice(0, SHOWN_DOMAINS);
    const { id, time, tool } = loaded.snapshot;
    return {
      facts: {
        snapshot: { id, time, taken_before: tool },
        changes: Object.fromEntries(shown.map((d) => [d, changes[d]])),
        ...(loaded.saved.size > shown.length ? { and_more_domains: loaded.saved.size - shown.length } : {}),
      },
      bound: boundSettings(settings),
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  },
  async run(args, ctx) {
    const loaded = load(args, ctx);
    const { steps, refusals } = plan(loaded);
    // The gate refuses these in the preview; a call made another way is refused here too.
    if (!loaded.snapshot || refusals.length > 0) {
      throw new Api3Error('invalid_input', `${refusals.join('; ')}; nothing was changed`, { hint: 'Call without confirm to see the preview.' });
    }
    const results: DomainResult[] = [];
    // No refusals: every saved domain has its step, in the same order. A client that gave up is
    // honoured between domains: those not begun are not sent.
    for (const [domain, { saved, step }] of steps) {
      if (ctx.signal?.aborted) {
        results.push({ domain, restored: false, with: step.tool, error: 'not sent: the call was cancelled before this domain; call restore_settings again for it' });
        continue;
      }
      // The steps are whole tool calls: their own progress, if any, is not this call's.
      const { progress: _own, ...stepCtx } = ctx;
      results.push(await restoreOne(domain, saved, step, stepCtx));
      ctx.progress?.(results.length, steps.size, `${domain} done`);
    }
    return { done: true as const, from_snapshot: loaded.snapshot.id, all_restored: results.every((r) => r.restored), domains: results };
  },
});
