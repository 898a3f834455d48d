import { readFile } from 'node:fs/promises';
import { errorMessage } from '../log.js';
import { readLimited } from './body.js';

/**
 * IANA's RDAP bootstrap for DNS (RFC 9224): which RDAP service answers for which TLD.
 *
 * The package ships a copy, src/rdap/iana-dns.json; `npm run rdap-bootstrap` replaces it with
 * https://data.iana.org/rdap/dns.json. The copy committed first (publication
 * 2026-01-30T00:00:01Z) is IANA's file as kept in data/dns.json of the public repository
 * LinkNacional/owh-domain-whois-rdap, taken where IANA itself could not be reached; only its
 * indentation was changed. DYNADOT_RDAP_BOOTSTRAP points at another file or URL instead.
 */
export interface BootstrapFile {
  version: string;
  publication: string;
  description?: string;
  services: Array<[tlds: string[], urls: string[]]>;
}

export const IANA_DNS_BOOTSTRAP_URL = 'https://data.iana.org/rdap/dns.json';

/** Checks the RFC 9224 shape; throws a message that says what is wrong, since a bad file would otherwise answer nothing. */
export function parseBootstrap(value: unknown): BootstrapFile {
  if (!isObject(value)) throw new Error('not a JSON object');
  const { version, publication, description, services } = value;
  if (typeof version !== 'string') throw new Error('no "version"');
  if (typeof publication !== 'string') throw new Error('no "publication"');
  if (!Array.isArray(services) || services.length === 0) throw new Error('no "services"');
  const checked = services.map((service, index): [string[], string[]] => {
    const isStrings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
    if (!Array.isArray(service) || !isStrings(service[0]) || !isStrings(service[1])) {
      throw new Error(`service ${index} is not [[tlds...], [urls...]]`);
    }
    return [service[0], service[1]];
  });
  return { version, publication, ...(typeof description === 'string' ? { description } : {}), services: checked };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A bootstrap file made ready for lookups: each TLD (or multi-label suffix such as co.uk) to one base URL. */
export class RdapBootstrap {
  private readonly baseUrls = new Map<string, string>();

  constructor(readonly file: BootstrapFile) {
    for (const [suffixes, urls] of file.services) {
      const base = preferredUrl(urls);
      if (!base) continue;
      for (const suffix of suffixes) {
        const key = suffix.toLowerCase().replace(/\.$/, '');
        if (!this.baseUrls.has(key)) this.baseUrls.set(key, base);
      }
    }
  }

  get publication(): string {
    return this.file.publication;
  }

  get size(): number {
    return this.baseUrls.size;
  }

  /** The base URL (ending in "/") of the service for `domain`: the longest suffix the file knows, label by label. */
  serviceFor(domain: string): string | undefined {
    const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
    for (let start = 0; start < labels.length; start++) {
      const base = this.baseUrls.get(labels.slice(start).join('.'));
      if (base) return base;
    }
    return undefined;
  }
}

/** An https URL where the service lists one (RFC 9224 asks clients to prefer it), else the first http one. */
function preferredUrl(urls: readonly string[]): string | undefined {
  const usable = urls.filter((url) => /^https?:\/\//i.test(url) && URL.canParse(url));
  const chosen = usable.find((url) => /^https:/i.test(url)) ?? usable[0];
  if (!chosen) return undefined;
  return chosen.endsWith('/') ? chosen : `${chosen}/`;
}

/** The copy shipped in the package; imported, not read from disk, so that the bundled bin holds it too. */
export async function shippedBootstrap(): Promise<RdapBootstrap> {
  const { default: file } = await import('./iana-dns.json', { with: { type: 'json' } });
  return new RdapBootstrap(parseBootstrap(file));
}

/** The bootstrap from `source` (a file path or an http(s) URL), or the shipped copy when it is unset. */
export async function loadBootstrap(source: string | undefined, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RdapBootstrap> {
  if (source === undefined) return shippedBootstrap();
  const text = /^https?:\/\//i.test(source) ? await download(source, options) : await readFile(source, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON`);
  }
  try {
    return new RdapBootstrap(parseBootstrap(json));
  } catch (error) {
    throw new Error(`${source}: ${errorMessage(error)}`);
  }
}

/** A bootstrap file over HTTP: the whole IANA file is about 100 KB, so anything past 4 MB is refused. */
export async function download(url: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  const { request } = await import('undici');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]);
  const { statusCode, body } = await request(url, { signal, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers: { accept: 'application/json' } });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`HTTP ${statusCode} from ${new URL(url).host}`);
  }
  const text = await readLimited(body, 4 * 1024 * 1024);
  if (text === undefined) throw new Error(`${url} is larger than 4 MB`);
  return text;
}
