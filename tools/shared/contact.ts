import { z } from 'zod';
import { normalizeKey } from '../../src/api3/envelope.js';
import { Api3Error } from '../../src/api3/errors.js';
import { apiParams } from '../../src/api3/params.js';
import { flag, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import type { ToolContext } from '../../src/server/define.js';
import { emailAddress, idOut } from '../../src/server/schemas.js';

// ---------------------------------------------------------------------------------------------
// A contact as the tools answer it (contact_list, get_contact, account_info, previews)

export const contactSchema = z.object({
  id: idOut.optional(),
  name: z.string().optional(),
  organization: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional().describe('+cc number'),
  fax: z.string().optional(),
  address: z.array(z.string()).optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  gtld_verified: z.boolean().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

const phoneText = (cc: unknown, num: unknown) => {
  const n = text(num);
  if (n === undefined) return undefined;
  const c = text(cc);
  return c ? `+${c} ${n}` : n;
};

export function condenseContact(raw: Json): Contact {
  return prune({
    id: idNumber(raw.ContactId),
    name: text(raw.Name),
    organization: text(raw.Organization),
    email: text(raw.Email),
    phone: phoneText(raw.PhoneCc, raw.PhoneNum),
    fax: phoneText(raw.FaxCc, raw.FaxNum),
    address: [text(raw.Address1), text(raw.Address2)].filter((line): line is string => line !== undefined),
    city: text(raw.City),
    state: text(raw.State),
    zip: text(raw.ZipCode),
    country: text(raw.Country),
    gtld_verified: flag(raw.GtldVerified),
  });
}

/** A field of an api3 object whatever stray characters its key carries (`"ContactId: "`). */
export function looseField(raw: unknown, name: string): unknown {
  if (raw === null || typeof raw !== 'object') return undefined;
  const wanted = normalizeKey(name);
  return Object.entries(raw).find(([key]) => normalizeKey(key) === wanted)?.[1];
}

// ---------------------------------------------------------------------------------------------
// A contact as the agent gives it (create_contact, edit_contact): one schema, the document's rules

/** ISO 3166-1 alpha-2, the codes WHOIS takes (GB, not UK). */
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS ' +
    'MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU ' +
    'RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);
export const isCountryCode = (code: string) => ISO_COUNTRIES.has(code);

/**
 * Free text api3 stores, at most `max` characters (the registries' EPP limits; the document
 * states none), checked on the server: a maxLength on every field would cost tokens in every
 * conversation for limits no agent comes near.
 */
const freeText = (max: number) =>
  z.string().refine((v) => v.length <= max && !/[\u0000-\u001f\u007f]/.test(v), { message: `at most ${max} characters, no control characters` });
/** Free text that must say something. */
const filled = (max: number) => freeText(max).refine((v) => v.trim() !== '', { message: 'must not be empty' });

export const countryCode = z
  .string()
  .length(2)
  .transform((v) => v.toUpperCase())
  .refine(isCountryCode, { message: 'must be an ISO 3166 country code such as US, DE or GB' })
  .describe('ISO 2-letter code');

/**
 * A phone number as the contact tools answer it: `+`, the country code, a space (or dot or
 * hyphen), the number; so a number read from get_contact goes back into edit_contact as it is.
 * api3 takes the two parts apart (`phonecc`, `phonenum`).
 */
const PHONE = /^\+(\d{1,3})[ .-]+(\d(?:[\d .-]*\d)?)$/;
export function phoneParts(value: string): { cc: string; number: string } | undefined {
  const [, cc, number] = PHONE.exec(value.trim()) ?? [];
  if (cc === undefined || number === undefined) return undefined;
  const digits = number.replace(/\D/g, '').length;
  return digits >= 4 && digits + cc.length <= 15 ? { cc, number } : undefined;
}
const PHONE_MESSAGE = 'must be +country code, a space, then the number, e.g. +1 555.555.0100';
const phoneNumber = z.string().refine((v) => v.length <= 30 && phoneParts(v) !== undefined, { message: PHONE_MESSAGE });

/** The member states the document lists for set_contact_eu_setting (EU and EEA). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IE',
  'IT', 'LV', 'LI', 'LT', 'LU', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

const INDIVIDUAL_ID_TYPES = ['SFZ', 'HZ', 'JGZ', 'GAJMTX', 'TWJMTX', 'WJLSFZ', 'GAJZZ', 'TWJZZ', 'QT'] as const;
const ENTERPRISE_ID_TYPES = [
  'YYZZ', 'TYDM', 'ORG', 'BDDM', 'JDDWFW', 'SYDWFR', 'WGCZJG', 'SHTTFR', 'ZJCS', 'MBFQY', 'JJHFR', 'LSZY',
  'WGZHWH', 'WLCZJG', 'SFJD', 'JWJG', 'SHFWJG', 'MBXXBX', 'YLJGZY', 'GZJGZY', 'BJWSXX', 'QTTYDM', 'QT',
] as const;

/**
 * A closed set of codes. The registry's own tool (set_contact_eu_setting) advertises it as an
 * enum; nested in a contact it is a string checked against the same set, so the list is paid for
 * once, not in create_contact and edit_contact too.
 */
function codes<const Values extends readonly [string, ...string[]]>(values: Values, nested: boolean) {
  if (!nested) return z.enum(values).describe('ISO code: EU or EEA');
  const allowed: ReadonlySet<string> = new Set(values);
  return z.string().refine((v): v is Values[number] => allowed.has(v), { message: `must be one of ${values.join(', ')}` });
}

/** The document allows only jpg, gif, png and jpeg files. */
function isImageUrl(value: string): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && /\.(jpe?g|gif|png)$/i.test(url.pathname);
  } catch {
    return false;
  }
}
const imageUrl = z.string().refine((v) => v.length <= 2000 && isImageUrl(v), { message: 'must be an http(s) URL of a jpg, jpeg, gif or png file' });

/** set_contact_eu_setting's payload; nested: a contact's `eu`. */
export function euFields(nested = false) {
  return { country_of_citizenship: nested ? codes(EU_COUNTRIES, true) : codes(EU_COUNTRIES, false) };
}

/** set_contact_lv_setting's payload, and a contact's `lv`. */
export const lvFields = {
  registration_number: filled(50).describe('personal code or company number'),
  vat_number: freeText(50).optional(),
};

function cnDocument<const Types extends readonly [string, ...string[]]>(types: Types) {
  return z.object({ id_type: z.enum(types), license_id: filled(100), url: imageUrl });
}

/** create_cn_audit's payload: an enterprise adds its licence to the person's ID document. */
export const cnFields = {
  individual: cnDocument(INDIVIDUAL_ID_TYPES).describe('SFZ: PRC ID card, HZ: passport'),
  enterprise: cnDocument(ENTERPRISE_ID_TYPES).optional().describe('for an organisation; id_type e.g. YYZZ: business licence'),
};
const cnAudit = z.object(cnFields);

const euSetting = z.object(euFields(true));
const lvSetting = z.object(lvFields);
export type EuSetting = z.infer<typeof euSetting>;
export type LvSetting = z.infer<typeof lvSetting>;
export type CnAudit = z.infer<typeof cnAudit>;

/** The contact of create_contact and edit_contact. Registry extras are nested, each for its registry. */
export const contactFields = {
  name: filled(255),
  organization: freeText(255).optional(),
  email: emailAddress,
  phone: phoneNumber.describe('+cc number'),
  fax: phoneNumber.optional(),
  address: z.array(filled(255)).min(1).max(2),
  city: filled(255),
  state: freeText(255).optional(),
  zip: filled(16),
  country: countryCode,
  eu: euSetting.optional(),
  lv: lvSetting.optional(),
};
export const contactInput = z.object(contactFields);
export type ContactInput = z.infer<typeof contactInput>;

// ---------------------------------------------------------------------------------------------
// api3 spelling

/** create_contact / edit_contact parameters (the extras travel in their own commands). */
export function contactParams(c: ContactInput) {
  // The schema checked both, so they parse.
  const phone = phoneParts(c.phone);
  if (!phone) throw new Api3Error('invalid_input', `phone: ${PHONE_MESSAGE}`);
  const fax = c.fax === undefined ? undefined : phoneParts(c.fax);
  return apiParams({
    organization: c.organization,
    name: c.name,
    email: c.email,
    phonecc: phone.cc,
    phonenum: phone.number,
    faxcc: fax?.cc,
    faxnum: fax?.number,
    address1: c.address[0],
    address2: c.address[1],
    city: c.city,
    state: c.state,
    zip: c.zip,
    country: c.country,
  });
}

export const euParams = (contactId: number, eu: EuSetting) => apiParams({ contact_id: contactId, country_of_citizenship: eu.country_of_citizenship });

export const lvParams = (contactId: number, lv: LvSetting) =>
  apiParams({ contact_id: contactId, registration_number: lv.registration_number, vat_number: lv.vat_number });

export const cnParams = (contactId: number, cn: CnAudit) =>
  apiParams({
    contact_id: contactId,
    contact_type: cn.enterprise ? 'Enterprise' : 'Individual',
    individual_id_type: cn.individual.id_type,
    individual_license_id: cn.individual.license_id,
    individual_url: cn.individual.url,
    enterprise_id_type: cn.enterprise?.id_type,
    enterprise_license_id: cn.enterprise?.license_id,
    enterprise_url: cn.enterprise?.url,
  });

/** What the registry extras of a create or edit came to, by registry. */
export const extrasSchema = z.record(z.string(), z.string()).optional().describe('eu, lv: set, or why not');

/** `+1-555.0100` as the contact tools answer it: `+1 555.0100`. */
function asPhoneText(value: string): string | undefined {
  const parts = phoneParts(value);
  return parts && phoneText(parts.cc, parts.number);
}

/** The contact as the tools answer it, from the agent's input: what an edit would put in place. */
export function asContact(c: ContactInput): Contact {
  return prune({
    name: c.name,
    organization: c.organization,
    email: c.email,
    phone: asPhoneText(c.phone),
    fax: c.fax === undefined ? undefined : asPhoneText(c.fax),
    address: c.address,
    city: c.city,
    state: c.state,
    zip: c.zip,
    country: c.country,
  });
}

// ---------------------------------------------------------------------------------------------
// Which domains use which contact

/** Per contact id: the domains using it, each with its roles (registrant, admin, ...). */
export type ContactUse = Map<number, Array<{ domain: string; roles: string[] }>>;

/** Every domain's WHOIS contacts, from the account's verbose domain list (one read per 500 domains). */
export async function contactUse(ctx: ToolContext): Promise<ContactUse> {
  const use: ContactUse = new Map();
  for (const domain of (await ctx.account.domains({ verbose: true }, ctx)).values()) {
    const roles = new Map<number, string[]>();
    for (const [role, id] of Object.entries(domain.contacts ?? {})) roles.set(id, [...(roles.get(id) ?? []), role]);
    for (const [id, list] of roles) use.set(id, [...(use.get(id) ?? []), { domain: domain.name, roles: list }]);
  }
  return use;
}

/** At most this many domains are named one by one; the rest are counted. */
export const SHOWN_USES = 10;

/** `a.com (registrant, admin), b.com (billing) and 3 more` */
export function describeUse(uses: ReadonlyArray<{ domain: string; roles: string[] }>): string {
  const named = uses.slice(0, SHOWN_USES).map((u) => `${u.domain} (${u.roles.join(', ')})`);
  return uses.length > SHOWN_USES ? `${named.join(', ')} and ${uses.length - SHOWN_USES} more` : named.join(', ');
}

/** The domains using a contact as preview facts: roles by domain, the rest counted. */
export function useFacts(uses: ReadonlyArray<{ domain: string; roles: string[] }>): Json {
  return {
    domains_using_it: Object.fromEntries(uses.slice(0, SHOWN_USES).map((u) => [u.domain, u.roles])),
    ...(uses.length > SHOWN_USES ? { and_more_domains: uses.length - SHOWN_USES } : {}),
  };
}
