import { priceFor } from './domains-util.js';
import type { SimAccount } from './state.js';

/**
 * How live api3 words some answers differently from the document's examples (issue 8), applied to
 * the simulator's document-shaped answer when the simulator speaks the live dialect:
 * - search prices are a sentence with the renewal price and whether the name is premium;
 * - renew's price_check says "Renewal price: 11.99 USD" (issue 15) instead of "11.99 in USD";
 * - name servers in domain_info and get_dns are `{ ServerId, ServerName }` objects with real ids;
 * - get_ns lists them the same way instead of a `Host0..` map.
 * Kept apart from the handlers, which stay in the document's shapes the shape tests hold them to.
 */
type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const field = (value: unknown, key: string): unknown => (isJson(value) ? value[key] : undefined);

function sentence(account: SimAccount, name: string, document: string): string {
  const [amount, currency] = document.split(' in ');
  const premium = account.premium.has(name);
  const renewal = premium ? Number(amount) : priceFor(account, name).renew;
  return `Registration Price: ${amount} in ${currency} and Renewal price: ${renewal.toFixed(2)} in ${currency} and Domain is ${premium ? 'a' : 'not a'} Premium Domain`;
}

/** `{ ServerName }` entries (or bare names) as live api3's `{ ServerId, ServerName }` objects. */
function serverObjects(account: SimAccount, hosts: readonly unknown[]): Json[] {
  return hosts.map((ns) => {
    const name = field(ns, 'ServerName');
    const known = [...account.servers.values()].find((s) => s.name === name);
    return { ServerId: String(5_262_350 + (known?.id ?? 99)), ServerName: name };
  });
}

function liveNameServers(account: SimAccount, settings: unknown): void {
  if (isJson(settings) && settings.Type === 'Name Servers' && Array.isArray(settings.NameServers)) {
    settings.NameServers = serverObjects(account, settings.NameServers);
  }
}

export function toLiveDialect(command: string, answer: Json, account: SimAccount): Json {
  const live = structuredClone(answer);
  const body = Object.values(live)[0];
  if (!isJson(body) || String(body.ResponseCode) !== '0') return live;
  if (command === 'search' && Array.isArray(body.SearchResults)) {
    for (const result of body.SearchResults) {
      if (isJson(result) && typeof result.Price === 'string' && typeof result.DomainName === 'string') {
        result.Price = sentence(account, result.DomainName, result.Price);
      }
    }
  }
  if (command === 'renew' && body.Status === 'price_check_success' && typeof body.PriceInfo === 'string') {
    body.PriceInfo = `Renewal price: ${body.PriceInfo.replace(' in ', ' ')}`;
  }
  if (command === 'domain_info') liveNameServers(account, field(body.DomainInfo, 'NameServerSettings'));
  if (command === 'get_dns') liveNameServers(account, field(body.GetDns, 'NameServerSettings'));
  if (command === 'get_ns' && isJson(body.NsContent)) {
    body.NsContent = serverObjects(
      account,
      Object.values(body.NsContent).map((host) => ({ ServerName: host })),
    );
  }
  return live;
}
