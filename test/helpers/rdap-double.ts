import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RdapDoubleOptions {
  /** RDAP domain JSON by name; a name not here answers 404, as a registry does. */
  records: Record<string, object>;
  /** Names it never answers (the request stays open until close). */
  hang?: string[];
  /** Names answered with this HTTP status instead. */
  failWith?: Record<string, number>;
  /** Names answered with a 302 to another name's address on this double. */
  redirect?: Record<string, string>;
  /** Also serves GET /dns.json: a bootstrap mapping these TLDs to this double (as a DYNADOT_RDAP_BOOTSTRAP URL would be). */
  servesBootstrapFor?: string[];
  /** Each answer waits this long, so that lookups overlap and concurrency can be measured. */
  delayMs?: number;
}

export interface RdapDouble {
  /** Base URL of the service, ending in "/" like the bootstrap's. */
  url: string;
  /** The names asked, in the order the requests arrived. */
  requests: string[];
  /** When each request arrived and was answered (performance.now()); hung ones have no end. */
  spans: Array<{ domain: string; start: number; end?: number }>;
  /** The most requests it had in flight at once. */
  readonly maxInFlight: number;
  /** Writes a bootstrap file that maps these TLDs to this double and returns its path. */
  bootstrapFile(tlds: string[]): string;
  close(): Promise<void>;
}

/** A registry's RDAP service on loopback: GET /domain/<name> answers from `records`. */
export async function startRdapDouble(options: RdapDoubleOptions): Promise<RdapDouble> {
  const requests: string[] = [];
  const spans: RdapDouble['spans'] = [];
  const hung: ServerResponse[] = [];
  const dirs: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let url = '';
  const server = createServer((req, res) => {
    if (req.url === '/dns.json' && options.servesBootstrapFor) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(bootstrapJson([[options.servesBootstrapFor, url]])));
      return;
    }
    const match = /^\/domain\/([^/?]+)/.exec(req.url ?? '');
    const domain = match?.[1] ? decodeURIComponent(match[1]).toLowerCase() : '';
    requests.push(domain);
    const span: RdapDouble['spans'][number] = { domain, start: performance.now() };
    spans.push(span);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.hang?.includes(domain)) {
      hung.push(res);
      return;
    }
    const reply = (): void => {
      inFlight--;
      span.end = performance.now();
      const target = options.redirect?.[domain];
      if (target) {
        res.writeHead(302, { location: `/domain/${target}` });
        res.end();
        return;
      }
      const status = options.failWith?.[domain] ?? (options.records[domain] ? 200 : 404);
      const body = status === 200 ? options.records[domain] : { errorCode: status, title: status === 404 ? 'Not Found' : 'Error' };
      res.writeHead(status, { 'content-type': 'application/rdap+json' });
      res.end(JSON.stringify(body));
    };
    if (options.delayMs) setTimeout(reply, options.delayMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/`;
  return {
    url,
    requests,
    spans,
    get maxInFlight() {
      return maxInFlight;
    },
    bootstrapFile(tlds) {
      const file = writeBootstrapFile([[tlds, url]]);
      dirs.push(dirname(file));
      return file;
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A bootstrap file (RFC 9224 shape) in a new temporary folder mapping TLDs to base URLs; the caller removes the folder. */
export function writeBootstrapFile(services: ReadonlyArray<[tlds: string[], url: string]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rdap-double-'));
  const file = join(dir, 'dns.json');
  writeFileSync(file, JSON.stringify(bootstrapJson(services)));
  return file;
}

function bootstrapJson(services: ReadonlyArray<[tlds: string[], url: string]>): object {
  return {
    description: 'RDAP bootstrap file for Domain Name System registrations',
    publication: '2026-01-01T00:00:00Z',
    services: services.map(([tlds, url]) => [tlds, [url]]),
    version: '1.0',
  };
}

/** The most spans open at one moment, across any number of doubles. */
export function maxOverlap(spans: ReadonlyArray<{ start: number; end?: number }>): number {
  const edges = spans.flatMap((span) => [
    { at: span.start, step: 1 },
    { at: span.end ?? Number.POSITIVE_INFINITY, step: -1 },
  ]);
  // An end and a start at the same instant: the end first, so back-to-back requests do not count as overlapping.
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let most = 0;
  for (const edge of edges) {
    open += edge.step;
    most = Math.max(most, open);
  }
  return most;
}
