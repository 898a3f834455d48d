import type { SimAccount, SimDomain } from '../../src/simulator/state.js';
import type { GateOptions } from './tool-test.js';

/**
 * Changes of the facts a preview showed, made to the simulated account between the preview and
 * the confirmed call: `confirmGateCases` checks that the preview's confirmation_id no longer
 * sends anything. One helper a kind of change, shared by every tool whose preview shows it.
 */
export type FactChange = GateOptions['changeFacts'];

function seeded(account: SimAccount, name: string): SimDomain {
  const found = account.domains.get(name);
  if (!found) throw new Error(`${name} is not in the seed any more`);
  return found;
}

function onDynadotDns(account: SimAccount, name: string) {
  const dns = seeded(account, name).nameServers;
  if (dns.kind !== 'dns') throw new Error(`${name} is not on Dynadot DNS in the seed any more`);
  return dns;
}

/**
 * One more MX record on a domain on Dynadot DNS (its current records are what set_ns,
 * set_parking, set_forwarding and the like would replace).
 */
export function mxRecordAdded(domain: string): FactChange {
  return {
    what: 'an MX record added to the domain',
    change: (account) => void onDynadotDns(account, domain).main.push({ type: 'mx', value: 'mx2.mailhost.example', extra: '20' }),
  };
}

/** One sub record fewer on a domain on Dynadot DNS. */
export function recordRemoved(domain: string): FactChange {
  return { what: 'a record removed from the domain', change: (account) => void onDynadotDns(account, domain).sub.pop() };
}

/** The domain moved to other name servers (what a service change would replace). */
export function otherNameServers(domain: string, hosts: string[]): FactChange {
  return {
    what: `${domain} moved to other name servers`,
    change(account) {
      seeded(account, domain).nameServers = { kind: 'nameservers', hosts };
    },
  };
}

/** The domain got another contact in one role (what set_whois would replace). */
export function contactChanged(domain: string, role: 'registrant' | 'admin' | 'technical' | 'billing', id: number): FactChange {
  return {
    what: `${domain} got another ${role} contact`,
    change(account) {
      seeded(account, domain).contacts[role] = id;
    },
  };
}

/** The domain was renewed meanwhile: a year later expiry (what do_not_renew would let lapse). */
export function laterExpiry(domain: string): FactChange {
  return {
    what: 'the domain was renewed meanwhile (a later expiry)',
    change(account) {
      seeded(account, domain).expiration += 365 * 86_400_000;
    },
  };
}
