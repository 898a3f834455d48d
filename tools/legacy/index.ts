import type { AnyToolSpec } from '../../src/server/define.js';
import getOpenBackorderAuctions from './get_open_backorder_auctions.js';
import setDefaultDns from './set_default_dns.js';
import setFolderDns from './set_folder_dns.js';

/** Commands the document deprecates in favour of another; each description names its replacement. */
export const legacyTools: AnyToolSpec[] = [setDefaultDns, setFolderDns, getOpenBackorderAuctions];
