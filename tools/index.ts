import type { AnyToolSpec, Api3ToolSpec } from '../src/server/define.js';
import { accountTools } from './account/index.js';
import { aftermarketTools } from './aftermarket/index.js';
import { contactsTools } from './contacts/index.js';
import { defaultsTools } from './defaults/index.js';
import { dnsTools } from './dns/index.js';
import { domainsTools } from './domains/index.js';
import { foldersTools } from './folders/index.js';
import { legacyTools } from './legacy/index.js';
import { nameserversTools } from './nameservers/index.js';
import { ordersTools } from './orders/index.js';
import { resellerTools } from './reseller/index.js';
import { transfersTools } from './transfers/index.js';
import { undoTools } from './undo/index.js';

/** The whole catalog, in the order tools/list presents it. */
export const CATALOG: readonly AnyToolSpec[] = [...domainsTools, ...dnsTools, ...nameserversTools, ...contactsTools, ...accountTools, ...undoTools, ...defaultsTools, ...foldersTools, ...ordersTools, ...transfersTools, ...aftermarketTools, ...resellerTools, ...legacyTools];

/** The tools that are api3 commands, one each; the rest are composites built from them. */
export const API3_TOOLS: readonly Api3ToolSpec[] = CATALOG.filter((spec): spec is Api3ToolSpec => !spec.composite);
