import { FAMILIES, familyCases, SCOPES, unservedSpecs } from '../helpers/setting-scopes.js';
import { useHarness } from '../helpers/tool-test.js';

/**
 * The common cases of every scoped setting command (whois, name servers, parking, forwarding,
 * stealth, hosting, DNS, email forwarding, renew option, clear; on domains, a folder, the account
 * default), generated from the family table in test/helpers/setting-scopes.ts. A scope the
 * catalog does not serve yet runs as the spec its family builds, served here beside the catalog.
 * What is particular to one command stays in its own file under test/tools/<toolset>/.
 */
const t = useHarness({ extraTools: unservedSpecs() });

for (const row of FAMILIES) for (const scope of SCOPES) familyCases(row, scope, t);
