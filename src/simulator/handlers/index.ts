import type { SimHandlers } from '../types.js';
import { accountHandlers, contactHandlers } from './account.js';
import { dnsHandlers, nameServerHandlers } from './dns.js';
import { domainHandlers } from './domains.js';
import { settingHandlers } from './settings.js';

/** Every command the simulator answers. A command missing here gets api3's unsupported-command answer. */
export const HANDLERS: SimHandlers = {
  ...domainHandlers,
  ...dnsHandlers,
  ...nameServerHandlers,
  ...accountHandlers,
  ...contactHandlers,
  ...settingHandlers,
};
