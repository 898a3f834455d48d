import { priceFor } from './domains-util.js';
import type { SimAccount } from './state.js';

/**
 * How live api3 words some answers differently from the document's examples (issue 8), applied to
 * the simulator's document-shaped answer when the simulator speaks the live dialect:
 * - search prices are a sentence with the renewal price and whether the name is premium;
 * - name servers in domain_info and get_dns are `{ ServerId, ServerName }` objects with real ids;
 * - get_ns lists them the same way instead of a `Host0..` map.
 * Kept apart from the handlers, which stay in the document's shapes the shape tests hold them to.
 */
type Answer = Record<string, unknown>;
type Json = Record<string, any>;

function sentence(account: SimAccount, name: string, document: string): string {
  const [amount, currency] = document.split(' in ');
  const premium = account.premium.has(name);
  const renewal = premium ? Number(amount) : priceFor(account, name).renew;
  return `Registration Price: ${amount} in ${currency} and Renewal price: ${renewal.toFixed(2)} in ${currency} and Domain is ${premium ? 'a' : 'not a'} Premium Domain`;
}

function serverObjects(account: SimAccount, hosts: Json[]): Json[] {
  return hosts.map((ns) => {
    const known = [...account.servers.values()].find((s) => s.name === ns.ServerName);
    return { ServerId: String(5_262_350 + (known?.id ?? 99)), ServerName: ns.ServerName };
  });
}

function liveNameServers(account: SimAccount, settings: Json | undefined): void {
  if (settings?.Type === 'Name Servers' && Array.isArray(settings.NameServers)) settings.NameServers = serverObjects(account, settings.NameServers);
}

export function toLiveDialect(command: string, answer: Answer, account: SimAccount): Answer {
  const live = structuredClone(answer) as Json;
  const body = Object.values(live)[0] as Json | undefined;
  if (!body || String(body.ResponseCode) !== '0') return live;
  if (command === 'search') {
    for (const result of body.SearchResults ?? []) {
      if (typeof result.Price === 'string') result.Price = sentence(account, result.DomainName, result.Price);
    }
  }
  if (command === 'domain_info') liveNameServers(account, body.DomainInfo?.NameServerSettings);
  if (command === 'get_dns') liveNameServers(account, body.GetDns?.NameServerSettings);
  if (command === 'get_ns' && body.NsContent && !Array.isArray(body.NsContent)) {
    body.NsContent = serverObjects(
      account,
      Object.values(body.NsContent as Record<string, string>).map((host) => ({ ServerName: host })),
    );
  }
  return live;
}
