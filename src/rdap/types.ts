export interface RegistrationRecord {
  /** the registrar's name as RDAP gives it (entity with role "registrar": vcard fn, else its handle / publicIds) */
  registrar?: string;
  created?: string; // ISO 8601 UTC, from the "registration" event, seconds precision: 2013-02-21T07:09:49Z
  expires?: string; // from the "expiration" event
  statuses: string[]; // RDAP status values as given, e.g. "client transfer prohibited", "redemption period", "pending delete"
  /** One short phrase, only where the statuses or dates tell when the name may come free; else absent. */
  may_free?: string;
}
/** One name's answer: found, or why there is none (never thrown). */
export type RegistrationLookup = { found: RegistrationRecord } | { unavailable: string };
export interface RdapPort {
  /** Looks up each name (all taken, unique, lower-case); never rejects. The map has one entry per name asked. */
  lookup(domains: readonly string[], options?: { signal?: AbortSignal; onEach?: (domain: string) => void }): Promise<Map<string, RegistrationLookup>>;
}
