import type { AnyToolSpec } from '../../src/server/define.js';
import contactList from './contact_list.js';
import getContact from './get_contact.js';

export const contactsTools: AnyToolSpec[] = [
  contactList,
  getContact,
];
