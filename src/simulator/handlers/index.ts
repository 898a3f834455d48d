import type { SimHandlers } from '../types.js';
import { accountHandlers } from './account.js';
import { auctionHandlers, marketHandlers } from './aftermarket.js';
import { contactHandlers } from './contacts.js';
import { bulkHandlers } from './bulk.js';
import { dnsHandlers, nameServerHandlers } from './dns.js';
import { dnssecHandlers } from './dnssec.js';
import { domainHandlers } from './domains.js';
import { folderHandlers } from './folders.js';
import { hostHandlers } from './hosts.js';
import { orderHandlers } from './orders.js';
import { resellerHandlers } from './reseller.js';
import { settingHandlers } from './settings.js';
import { transferHandlers } from './transfers.js';

/** Every command the simulator answers. A command missing here gets api3's unsupported-command answer. */
export const HANDLERS: SimHandlers = {
  ...domainHandlers,
  ...dnsHandlers,
  ...nameServerHandlers,
  ...hostHandlers,
  ...accountHandlers,
  ...contactHandlers,
  ...settingHandlers,
  // After settingHandlers: its set_clear_domain_setting also clears DNSSEC.
  ...dnssecHandlers,
  ...folderHandlers,
  ...bulkHandlers,
  ...orderHandlers,
  ...resellerHandlers,
  ...transferHandlers,
  ...auctionHandlers,
  ...marketHandlers,
};
