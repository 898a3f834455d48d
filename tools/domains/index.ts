import type { AnyToolSpec } from '../../src/server/define.js';
import deleteDomain from './delete.js';
import domainInfo from './domain_info.js';
import listDomain from './list_domain.js';
import lockDomain from './lock_domain.js';
import register from './register.js';
import renew from './renew.js';
import search from './search.js';
import setNote from './set_note.js';
import setPrivacy from './set_privacy.js';
import setRenewOption from './set_renew_option.js';
import tldPrice from './tld_price.js';

export const domainsTools: AnyToolSpec[] = [
  search,
  tldPrice,
  listDomain,
  domainInfo,
  register,
  renew,
  deleteDomain,
  lockDomain,
  setNote,
  setRenewOption,
  setPrivacy,
];
