import type { AnyToolSpec } from '../../src/server/define.js';
import bulkRegister from './bulk_register.js';
import deleteDomain from './delete.js';
import domainInfo from './domain_info.js';
import listDomain from './list_domain.js';
import lockDomain from './lock_domain.js';
import register from './register.js';
import renew from './renew.js';
import researchDomains from './research_domains.js';
import search from './search.js';
import setClearDomainSetting from './set_clear_domain_setting.js';
import setEmailForward from './set_email_forward.js';
import setFolder from './set_folder.js';
import setForwarding from './set_forwarding.js';
import setHosting from './set_hosting.js';
import setNote from './set_note.js';
import setParking from './set_parking.js';
import setPrivacy from './set_privacy.js';
import setRenewOption from './set_renew_option.js';
import setStealth from './set_stealth.js';
import setWhois from './set_whois.js';
import tldPrice from './tld_price.js';

export const domainsTools: AnyToolSpec[] = [
  search,
  researchDomains,
  tldPrice,
  listDomain,
  domainInfo,
  register,
  bulkRegister,
  renew,
  deleteDomain,
  lockDomain,
  setNote,
  setRenewOption,
  setPrivacy,
  setParking,
  setWhois,
  setForwarding,
  setStealth,
  setHosting,
  setEmailForward,
  setClearDomainSetting,
  setFolder,
];
