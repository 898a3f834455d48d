import type { AnyToolSpec } from '../../src/server/define.js';
import setClearDefaultSetting from './set_clear_default_setting.js';
import setDefaultDns2 from './set_default_dns2.js';
import setDefaultEmailForward from './set_default_email_forward.js';
import setDefaultForwarding from './set_default_forwarding.js';
import setDefaultHosting from './set_default_hosting.js';
import setDefaultNs from './set_default_ns.js';
import setDefaultParking from './set_default_parking.js';
import setDefaultRenewOption from './set_default_renew_option.js';
import setDefaultStealth from './set_default_stealth.js';
import setDefaultWhois from './set_default_whois.js';

export const defaultsTools: AnyToolSpec[] = [
  setDefaultWhois,
  setDefaultNs,
  setDefaultParking,
  setDefaultForwarding,
  setDefaultStealth,
  setDefaultHosting,
  setDefaultDns2,
  setDefaultEmailForward,
  setDefaultRenewOption,
  setClearDefaultSetting,
];
