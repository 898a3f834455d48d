import { z } from 'zod';
import { apiParams, commaList, flagParam, indexed, indexedRows, type ParamFields } from '../../src/api3/params.js';
import { type Api3ToolSpec, defineTool, type Effect, type PreviewOutcome, type ToolContext } from '../../src/server/define.js';
import { type Json, prune } from '../../src/server/condense.js';
import { domainList, emailAddress, hostName, plainText } from '../../src/server/schemas.js';
import type { ToolsetName } from '../../src/server/toolsets.js';
import { asWritten, dnsFields, isHttpUrl, legacyMisfits, legacyRecordParams, recordParams } from './dns-records.js';
import type { PreviousNeed } from '../../src/server/needs.js';
import type { DnsSetting } from '../../src/server/ports.js';
import { inTerms, previousSchema, RENEW_TERMS } from './write.js';

/**
 * Setting families. api3 applies the same settings (WHOIS contacts, name servers, parking,
 * forwarding, stealth, hosting, DNS records, email forwarding, renew option, clearing a service)
 * in three scopes with the same parameter spelling: to a list of domains (`set_ns`), to a folder
 * (`set_folder_ns`, with `enable` for domains moved in later and `sync` for those already there)
 * and as the account default for new domains (`set_default_ns`). Each setting is defined once
 * here as a payload; a scope wrapper turns it into a command's spec, so a scoped command file is
 * one sentence, `forFolder(nameServers, {...})` for the folder's name servers (the folder scope is
 * in tools/shared/folder-settings.ts).
 */
export interface SettingPayload<Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** What the setting is, as descriptions say it: "name servers". */
  noun: string;
  /** The fields in the agent's terms, the same in every scope. */
  fields: Shape;
  /** Those fields as api3 parameters, the same in every scope. */
  toApi(args: z.infer<z.ZodObject<Shape>>): ParamFields;
  /**
   * Whether applying it to domains replaces something they have now that the user may need
   * (their name servers, their records, their contacts): then it is destructive on live domains
   * and on a folder synced to its domains. Flags that are simple to set back are not.
   */
  replacesLive: boolean;
  /**
   * How a domain's current value reads from list_domain (with `verbose` for name servers and
   * note), in the same terms as the fields: what a write on domains answers as `previous`.
   */
  previous?: Omit<PreviousNeed<unknown>, 'domains'>;
  /**
   * It changes what the domain points at (name servers, DNS records, parking, forwarding, stealth,
   * hosting): on live domains the server snapshots that setting first, for restore_settings.
   */
  changesResolution?: true;
}

/** Identity with inference, so each payload's `toApi` sees its own fields' types. */
export function settingPayload<Shape extends z.ZodRawShape>(payload: SettingPayload<Shape>): SettingPayload<Shape> {
  return payload;
}

const contactId = z.int32().min(0);
const url = z
  .string()
  .max(2000)
  .refine((v) => isHttpUrl(v), { message: 'must be an http(s) URL' });

/** The four WHOIS roles; api3's set_whois needs a contact for each. */
export const WHOIS_ROLES = ['registrant', 'admin', 'technical', 'billing'] as const;
export type WhoisRole = (typeof WHOIS_ROLES)[number];

/** The contacts a new domain starts with, by role (register, transfer); a role left out takes the account default. */
export const startingContacts = z
  .object({ registrant: contactId, admin: contactId, technical: contactId, billing: contactId })
  .partial()
  .optional()
  .describe('ids from contact_list; default: account defaults');

/** Refusals for contact ids the account does not have: api3 would refuse them, so a preview says so first. */
export async function unknownContacts(contacts: Partial<Record<WhoisRole, number>> | undefined, ctx: ToolContext): Promise<string[]> {
  const given = Object.entries(contacts ?? {});
  if (given.length === 0) return [];
  const known = new Set((await ctx.account.contacts(ctx)).map((c) => c.id));
  return given.flatMap(([role, id]) => (known.has(id) ? [] : [`there is no contact ${id} (for ${role}) in the account: contact_list shows the ids`]));
}

/** Contact ids by WHOIS role as api3 spells them: set_whois, register and transfer take the same four. */
export const contactParams = (contacts: Partial<Record<WhoisRole, number>>) => ({
  registrant_contact: contacts.registrant,
  admin_contact: contacts.admin,
  technical_contact: contacts.technical,
  billing_contact: contacts.billing,
});

export const whois = settingPayload({
  noun: 'WHOIS contacts',
  fields: {
    contacts: z
      .object({ registrant: contactId, admin: contactId, technical: contactId, billing: contactId }),
  },
  toApi: ({ contacts }) => contactParams(contacts),
  replacesLive: true,
});

/**
 * WHOIS contacts on live domains: a role left out keeps the contact the domains have in it now
 * (set_whois reads it before the call, since api3 needs all four).
 */
export const whoisKeepingRoles = settingPayload({
  ...whois,
  fields: {
    contacts: z
      .object({ registrant: contactId.optional(), admin: contactId.optional(), technical: contactId.optional(), billing: contactId.optional() })
      .refine((c) => WHOIS_ROLES.some((role) => c[role] !== undefined), { message: 'give a contact for at least one role' })
      .describe('ids from contact_list; a role left out stays'),
  },
  toApi: ({ contacts }) => contactParams(contacts),
});

export const nameServers = settingPayload({
  noun: 'name servers',
  changesResolution: true,
  fields: {
    name_servers: z
      .array(hostName)
      .min(1)
      .max(13, 'at most 13 name servers')
      .refine((hosts) => new Set(hosts).size === hosts.length, { message: 'each name server may appear only once' })
      .describe('1 to 13 hosts registered in the account (server_list)'),
  },
  toApi: (args) => indexed('ns', args.name_servers),
  replacesLive: true,
  previous: { verbose: true, of: (domain) => nameServersBefore(domain.name_servers) },
});

/**
 * A domain's name server setting before a change: its name servers, or the Dynadot service it
 * used (DNS with its records as written, parking, forwarding), so it can be set back.
 */
export function nameServersBefore(setting: DnsSetting | undefined): Json {
  if (!setting) return {};
  if (setting.type === 'name_servers') return { name_servers: setting.name_servers ?? [] };
  return prune({ service: setting.type, records: setting.records?.map(asWritten), ttl: setting.ttl, forward_to: setting.forward_to });
}

export const parking = settingPayload({
  noun: 'parking page',
  changesResolution: true,
  fields: { with_ads: z.boolean().optional() },
  toApi: (args) => ({ with_ads: flagParam.yesNo(args.with_ads) }),
  replacesLive: true,
});

export const forwarding = settingPayload({
  noun: 'URL forwarding',
  changesResolution: true,
  fields: { url, permanent: z.boolean().optional().describe('301 instead of the default 302') },
  // api3's flag is named for the opposite: is_temp=no makes it permanent.
  toApi: (args) => ({ forward_url: args.url, is_temp: flagParam.invertedYesNo(args.permanent) }),
  replacesLive: true,
});

export const stealth = settingPayload({
  noun: 'stealth forwarding',
  changesResolution: true,
  fields: { url, title: plainText(200).optional() },
  toApi: (args) => ({ stealth_url: args.url, stealth_title: args.title }),
  replacesLive: true,
});

export const hosting = settingPayload({
  noun: 'Dynadot hosting',
  changesResolution: true,
  fields: { hosting_type: z.enum(['basic', 'advanced']) },
  toApi: (args) => ({ hosting_type: args.hosting_type }),
  replacesLive: true,
});

/** set_hosting alone (domains) documents the mobile view flag. */
export const hostingWithMobileView = settingPayload({
  ...hosting,
  fields: { ...hosting.fields, mobile_view: z.boolean().optional().describe('advanced only: mobile view on') },
  toApi: (args) => ({ ...hosting.toApi(args), mobile_view_on: flagParam.yesNo(args.mobile_view) }),
});

export const dnsRecords = settingPayload({
  noun: 'DNS records',
  changesResolution: true,
  fields: dnsFields,
  toApi: (args) => recordParams(args.records, args.ttl),
  replacesLive: true,
});

/**
 * The legacy DNS commands' records (set_default_dns, set_folder_dns): the DNS2 records, refused
 * where the older parameters cannot hold them (tools/shared/dns-records.ts, legacyMisfits).
 */
export const legacyDnsRecords = settingPayload({
  ...dnsRecords,
  fields: {
    ...dnsFields,
    records: dnsFields.records.superRefine((records, ctx) => {
      for (const why of legacyMisfits(records)) ctx.addIssue({ code: 'custom', message: `the legacy command ${why}; the DNS2 command takes any records` });
    }),
  },
  toApi: (args) => legacyRecordParams(args.records, args.ttl),
});

const mailbox = z.string().regex(/^[a-z0-9._+-]{1,64}$/i, 'must be a mailbox name such as info');
export const emailForwarding = settingPayload({
  noun: 'email forwarding',
  fields: {
    email: z
      .discriminatedUnion('type', [
        z.object({
          type: z.literal('forward'),
          forwards: z.array(z.object({ mailbox, to: emailAddress })).min(1).max(10),
        }),
        z.object({
          type: z.literal('mx'),
          hosts: z
            .array(z.object({ host: hostName, distance: z.int().min(0).max(65535) }))
            .min(1)
            .max(3),
        }),
        z.object({ type: z.literal('none') }),
      ]),
  },
  toApi: ({ email }) => ({
    forward_type: email.type === 'none' ? 'donot' : email.type,
    ...(email.type === 'forward' ? indexedRows(email.forwards, { username: (f) => f.mailbox, exist_email: (f) => f.to }) : {}),
    ...(email.type === 'mx' ? indexedRows(email.hosts, { mx_host: (h) => h.host, mx_distance: (h) => h.distance }) : {}),
  }),
  replacesLive: true,
});

const RENEW_OPTION = { auto: 'auto', do_not_renew: 'donot', reset: 'reset' } as const;
export const renewOption = settingPayload({
  noun: 'renew option',
  fields: {
    renew_option: z.enum(['auto', 'do_not_renew', 'reset']),
  },
  toApi: (args) => ({ renew_option: RENEW_OPTION[args.renew_option] }),
  replacesLive: false,
  previous: { of: (domain) => ({ renew_option: inTerms(RENEW_TERMS, domain.renew_option) }) },
});

/** Clearing a service; dnssec exists on domains only, so each scope passes its own list. */
export function clearService<const Services extends readonly [string, ...string[]]>(services: Services) {
  return settingPayload({
    noun: 'service',
    fields: { service: z.enum(services) },
    toApi: (args) => ({ service: args.service }),
    replacesLive: true,
  });
}

/** What every scoped setting command answers: what is now in place, and where. */
export const settingResultSchema = z.object({
  done: z.literal(true),
  domains: z.array(z.string()).optional(),
  folder_id: z.number().optional(),
  account_default: z.literal(true).optional(),
  changed: z.record(z.string(), z.unknown()).describe('the settings now in place'),
  previous: previousSchema,
});
type SettingResult = z.infer<typeof settingResultSchema>;

/**
 * A scoped command's arguments read apart: the scope's own fields (domains, folder) and the
 * payload's values. zod cannot show either part through a generic payload's shape, so each is
 * read with its own schema; the arguments were parsed by the union of both, so this cannot fail
 * and changes nothing (the fields' transforms give the same value again).
 */
export function scopedArgs<Scope extends z.ZodRawShape, Shape extends z.ZodRawShape>(scope: Scope, payload: SettingPayload<Shape>) {
  const scopeSchema = z.object(scope);
  const valuesSchema = z.object(payload.fields);
  return (args: unknown) => ({ scope: scopeSchema.parse(args), values: valuesSchema.parse(args) });
}

/** What changed, as the agent said it: the payload's values that were given. */
export function givenValues(values: object): Json {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

export interface ScopeOptions<Args> {
  name: string;
  title: string;
  description: string;
  toolset: ToolsetName;
  /** Listed by default (see ToolBase.everyday). */
  everyday?: true;
  /** Facts a person decides on before a destructive call (the current settings replaced). */
  preview?(args: Args, ctx: ToolContext): Promise<PreviewOutcome>;
  /** Refusals of what api3 checks again itself on the call (ToolBase.precheck). */
  precheck?(args: Args, ctx: ToolContext): Promise<string[]>;
}

/** Field of the domains scope: up to 100 domains, api3's `domain=a.com,b.com`. */
const domainsFields = { domains: domainList(100) };

type DomainsInput<Shape extends z.ZodRawShape> = z.ZodObject<typeof domainsFields & Shape>;

/**
 * The setting on up to 100 domains (`domain=a.com,b.com`): destructive where it replaces what
 * they have, or (`effect` with `needsConfirm`) for the values that do harm. The answer gives the
 * values replaced beside the new ones, read before the one write where the payload says how.
 */
export function forDomains<Shape extends z.ZodRawShape>(
  payload: SettingPayload<Shape>,
  options: ScopeOptions<z.infer<DomainsInput<Shape>>> & {
    effect?: Effect;
    needsConfirm?(args: z.infer<DomainsInput<Shape>>, ctx: ToolContext): boolean | Promise<boolean>;
  },
): Api3ToolSpec<DomainsInput<Shape>, typeof settingResultSchema> {
  const input: DomainsInput<Shape> = z.object({ ...domainsFields, ...payload.fields });
  const read = scopedArgs(domainsFields, payload);
  const domainsOf = (args: unknown) => read(args).scope.domains;
  const previous = payload.previous;
  return defineTool<DomainsInput<Shape>, typeof settingResultSchema>({
    ...options,
    effect: options.effect ?? (payload.replacesLive ? 'destructive' : 'write'),
    idempotent: true,
    ...(payload.changesResolution ? { snapshotOf: domainsOf } : {}),
    input,
    output: settingResultSchema,
    toApi: (args) => {
      const { scope, values } = read(args);
      return apiParams({ domain: commaList(scope.domains) }, payload.toApi(values));
    },
    condense: (_body, args): SettingResult => {
      const { scope, values } = read(args);
      return { done: true, domains: scope.domains, changed: givenValues(values) };
    },
    ...(previous ? { previous: { ...previous, domains: domainsOf } } : {}),
  });
}

/** The account default, given to domains registered from now on: it changes no live domain. */
export function forDefault<Shape extends z.ZodRawShape>(
  payload: SettingPayload<Shape>,
  options: ScopeOptions<z.infer<z.ZodObject<Shape>>>,
): Api3ToolSpec<z.ZodObject<Shape>, typeof settingResultSchema> {
  return defineTool({
    ...options,
    effect: 'write',
    idempotent: true,
    input: z.object(payload.fields),
    output: settingResultSchema,
    toApi: (args) => apiParams(payload.toApi(args)),
    condense: (_body, args): SettingResult => ({ done: true, account_default: true, changed: givenValues(args) }),
  });
}
