import type { RegistrationRecord } from './types.js';

/**
 * An RDAP domain answer (RFC 9083) reduced to what tells who holds a name and when it may come
 * free. Registries differ in what they fill in, so every field is optional and anything of the
 * wrong shape is skipped rather than refused.
 */
export function parseRegistration(answer: unknown, now: Date): RegistrationRecord {
  const record: RegistrationRecord = { statuses: statusesOf(answer) };
  const registrar = registrarOf(answer);
  if (registrar) record.registrar = registrar;
  const created = eventDate(answer, 'registration');
  if (created) record.created = created;
  const expires = eventDate(answer, 'expiration');
  if (expires) record.expires = expires;
  const mayFree = mayComeFree(record.statuses, record.expires, now);
  if (mayFree) record.may_free = mayFree;
  return record;
}

/** The phrase for `may_free`: only what the statuses or the expiry date actually say. */
export function mayComeFree(statuses: readonly string[], expires: string | undefined, now: Date): string | undefined {
  // EPP spells them pendingDelete / redemptionPeriod; RDAP "pending delete": compare both alike.
  const plain = new Set(statuses.map((status) => status.toLowerCase().replace(/[\s_-]/g, '')));
  if (plain.has('pendingdelete')) return 'released within about 5 days (pending delete)';
  if (plain.has('redemptionperiod')) return 'the owner can still restore it for up to 30 days; then pending delete about 5 days';
  if (expires && Date.parse(expires) < now.getTime()) {
    return `expired ${expires.slice(0, 10)}: may come free if not renewed in the registry's grace period (often up to 45 days)`;
  }
  return undefined;
}

/** Any date RDAP gives, as ISO 8601 UTC to the second (2013-02-21T07:09:49Z); undefined when it is no date. */
export function isoSeconds(text: string): string | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown, key: string): unknown[] {
  const field = isObject(value) ? value[key] : undefined;
  return Array.isArray(field) ? field : [];
}

function textOf(value: unknown, key: string): string | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
}

function statusesOf(answer: unknown): string[] {
  return arrayOf(answer, 'status').filter((status): status is string => typeof status === 'string' && status.trim() !== '');
}

function eventDate(answer: unknown, action: string): string | undefined {
  for (const event of arrayOf(answer, 'events')) {
    if (textOf(event, 'eventAction')?.toLowerCase() !== action) continue;
    const date = textOf(event, 'eventDate');
    const iso = date === undefined ? undefined : isoSeconds(date);
    if (iso) return iso;
  }
  return undefined;
}

/** The first entity with the registrar role, searched breadth-first: registries nest entities inside entities. */
function registrarOf(answer: unknown): string | undefined {
  const queue = [...arrayOf(answer, 'entities')];
  for (let entity = queue.shift(); entity !== undefined; entity = queue.shift()) {
    const roles = arrayOf(entity, 'roles').filter((role): role is string => typeof role === 'string');
    if (roles.some((role) => role.toLowerCase() === 'registrar')) {
      const name = vcardName(entity) ?? textOf(entity, 'handle') ?? publicId(entity);
      if (name) return name;
    }
    queue.push(...arrayOf(entity, 'entities'));
  }
  return undefined;
}

/** jCard (RFC 7095): `["vcard", [["fn", {}, "text", "Name"], ...]]`. */
function vcardName(entity: unknown): string | undefined {
  const [, properties] = arrayOf(entity, 'vcardArray');
  if (!Array.isArray(properties)) return undefined;
  for (const property of properties) {
    if (!Array.isArray(property) || String(property[0]).toLowerCase() !== 'fn') continue;
    const value = property[3];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function publicId(entity: unknown): string | undefined {
  for (const id of arrayOf(entity, 'publicIds')) {
    const identifier = textOf(id, 'identifier');
    if (identifier) return identifier;
  }
  return undefined;
}
