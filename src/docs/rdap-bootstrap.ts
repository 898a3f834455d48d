import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../log.js';
import { download, IANA_DNS_BOOTSTRAP_URL, parseBootstrap, RdapBootstrap } from '../rdap/bootstrap.js';
import { PACKAGE_ROOT } from '../version.js';
import { isRunAsScript } from './generated.js';

/**
 * `npm run rdap-bootstrap`: replaces the shipped RDAP bootstrap (src/rdap/iana-dns.json) with
 * IANA's current file, checked first, so that a release knows the RDAP services of new TLDs.
 * The file is written as IANA publishes it, only indented, and its publication date is IANA's.
 */
export const SHIPPED_BOOTSTRAP = join('src', 'rdap', 'iana-dns.json');

export async function refreshBootstrap(root: string = PACKAGE_ROOT, url: string = IANA_DNS_BOOTSTRAP_URL): Promise<RdapBootstrap> {
  const file = parseBootstrap(JSON.parse(await download(url, { timeoutMs: 30_000 })));
  const bootstrap = new RdapBootstrap(file);
  // A truncated or stand-in file would quietly turn every lookup into "no RDAP service".
  if (!bootstrap.serviceFor('example.com')) throw new Error(`${url} names no service for .com`);
  writeFileSync(join(root, SHIPPED_BOOTSTRAP), `${JSON.stringify(file, null, 2)}\n`);
  return bootstrap;
}

if (isRunAsScript(import.meta.url)) {
  try {
    const bootstrap = await refreshBootstrap();
    process.stderr.write(`${SHIPPED_BOOTSTRAP}: publication ${bootstrap.publication}, ${bootstrap.file.services.length} services, ${bootstrap.size} TLDs\n`);
  } catch (error) {
    process.stderr.write(`rdap-bootstrap failed: ${errorMessage(error)}\n`);
    process.exit(1);
  }
}
