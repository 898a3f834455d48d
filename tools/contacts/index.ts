import type { AnyToolSpec } from '../../src/server/define.js';
import contactList from './contact_list.js';
import createCnAudit from './create_cn_audit.js';
import createContact from './create_contact.js';
import deleteContact from './delete_contact.js';
import editContact from './edit_contact.js';
import getCnAuditStatus from './get_cn_audit_status.js';
import getContact from './get_contact.js';
import setContactEuSetting from './set_contact_eu_setting.js';
import setContactLvSetting from './set_contact_lv_setting.js';

export const contactsTools: AnyToolSpec[] = [
  contactList,
  getContact,
  createContact,
  editContact,
  deleteContact,
  setContactEuSetting,
  setContactLvSetting,
  createCnAudit,
  getCnAuditStatus,
];
