import { renderContact } from '../render.js';
import type { SimAccount, SimCnAudit, SimContact } from '../state.js';
import { ok, required, SimFailure, type SimHandlers, type SimParams } from '../types.js';

/**
 * WHOIS contacts: the list and one contact, create / edit / delete, and the registry extras
 * (.eu citizenship, .lv registration number, the .cn CNNIC audit). Every check runs before the
 * first change, so a refused request changes nothing.
 */

/** `contact_id`: an existing contact. */
function contactParam(account: SimAccount, params: SimParams): SimContact {
  const id = required(params, 'contact_id');
  const contact = /^\d+$/.test(id) ? account.contacts.get(Number(id)) : undefined;
  if (!contact) throw new SimFailure(`contact ${id} not found`);
  return contact;
}

/** The contact fields of create_contact and edit_contact; the document's required ones checked. */
type Details = Omit<SimContact, 'id' | 'gtldVerified' | 'euCitizenship' | 'lv' | 'cnAudit'>;

function details(params: SimParams): Details {
  // In the document's order, so the first missing one is the one named.
  const name = required(params, 'name');
  const email = required(params, 'email');
  const phoneCc = required(params, 'phonecc');
  const phoneNum = required(params, 'phonenum');
  const address1 = required(params, 'address1');
  const city = required(params, 'city');
  const zip = required(params, 'zip');
  const countryParam = required(params, 'country');
  const optional = (name: string) => params[name] ?? '';
  const country = countryParam.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new SimFailure(`invalid country code: ${countryParam}`);
  if (!/^\d{1,3}$/.test(phoneCc)) throw new SimFailure(`invalid phone country code: ${phoneCc}`);
  if (params.faxnum && !/^\d{1,3}$/.test(params.faxcc ?? '')) throw new SimFailure('a fax number needs its country code (faxcc)');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new SimFailure(`invalid email address: ${email}`);
  return {
    organization: optional('organization'),
    name,
    email,
    phoneCc,
    phoneNum,
    faxCc: params.faxnum ? optional('faxcc') : '',
    faxNum: optional('faxnum'),
    address1,
    address2: optional('address2'),
    city,
    state: optional('state'),
    zip,
    country,
  };
}

/** The domains using a contact in any role. */
function domainsUsing(account: SimAccount, id: number): string[] {
  return [...account.domains.values()].filter((d) => Object.values(d.contacts).includes(id)).map((d) => d.name);
}

/** The member states set_contact_eu_setting accepts, as the document lists them. */
const EU_STATES = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT NL NO PL PT RO SK SI ES SE'.split(' '));
const INDIVIDUAL_ID_TYPES = new Set('JGZ SFZ HZ GAJMTX TWJMTX WJLSFZ GAJZZ TWJZZ QT'.split(' '));
const ENTERPRISE_ID_TYPES = new Set(
  'ORG YYZZ TYDM BDDM JDDWFW SYDWFR WGCZJG SHTTFR ZJCS MBFQY JJHFR LSZY WGZHWH WLCZJG SFJD JWJG SHFWJG MBXXBX YLJGZY GZJGZY BJWSXX QTTYDM QT'.split(' '),
);

/** One document of a CN audit (`individual_*` or `enterprise_*`): a known id type, a number, an image. */
function auditDocument(params: SimParams, prefix: 'individual' | 'enterprise', types: ReadonlySet<string>): void {
  const type = required(params, `${prefix}_id_type`);
  if (!types.has(type)) throw new SimFailure(`invalid ${prefix}_id_type: ${type}`);
  required(params, `${prefix}_license_id`);
  const url = required(params, `${prefix}_url`);
  if (!/\.(jpe?g|gif|png)$/i.test(url.split(/[?#]/)[0] ?? '')) throw new SimFailure(`${prefix}_url: only jpg, gif, png and jpeg files are allowed`);
}

export const contactHandlers: SimHandlers = {
  contact_list: {
    root: 'ContactListResponse',
    handle(_params, { account }) {
      return { ...ok, ContactList: [...account.contacts.values()].map(renderContact) };
    },
  },

  get_contact: {
    root: 'GetContactResponse',
    handle(params, { account }) {
      return { ...ok, GetContact: renderContact(contactParam(account, params)) };
    },
  },

  create_contact: {
    root: 'CreateContactResponse',
    handle(params, { account }) {
      const fields = details(params);
      const id = account.nextContactId++;
      account.contacts.set(id, { id, ...fields, gtldVerified: false });
      return { ResponseCode: '0', Status: 'success', CreateContactContent: { ContactId: String(id) } };
    },
  },

  edit_contact: {
    root: 'EditContactResponse',
    handle(params, { account }) {
      const contact = contactParam(account, params);
      // The whole contact is replaced: an optional field left out is cleared.
      Object.assign(contact, details(params));
      return { ResponseCode: '0', Status: 'success', EditContactContent: { ContactId: String(contact.id) } };
    },
  },

  delete_contact: {
    root: 'DeleteContactResponse',
    handle(params, { account }) {
      // "make sure they are separated by commas": several ids at once.
      const ids = required(params, 'contact_id')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const id of ids) {
        if (!/^\d+$/.test(id) || !account.contacts.has(Number(id))) throw new SimFailure(`contact ${id} not found`);
        const users = domainsUsing(account, Number(id));
        if (users.length > 0) throw new SimFailure(`contact ${id} is in use by ${users.join(', ')} and cannot be deleted`);
      }
      for (const id of ids) account.contacts.delete(Number(id));
      return { ResponseCode: 0, Status: 'success' };
    },
  },

  set_contact_eu_setting: {
    root: 'SetContactEUSettingResponse',
    handle(params, { account }) {
      const contact = contactParam(account, params);
      const country = required(params, 'country_of_citizenship');
      if (!EU_STATES.has(country)) throw new SimFailure(`country_of_citizenship must be an EU member state: ${country}`);
      contact.euCitizenship = country;
      // The document's keys carry a stray ": " (`"ResponseCode: "`, `"ContactId: "`) and "Success"
      // is capitalised; the plain ResponseCode beside it is what every other answer has.
      return { 'ResponseCode: ': '0', ResponseCode: '0', Status: 'Success', SetContactEUSettingContent: { 'ContactId: ': String(contact.id) } };
    },
  },

  set_contact_lv_setting: {
    root: 'SetContactLvSettingResponse',
    handle(params, { account }) {
      const contact = contactParam(account, params);
      contact.lv = { registrationNumber: required(params, 'registration_number'), vatNumber: params.vat_number ?? '' };
      return { ResponseCode: 0, Status: 'success', SetContactLvSettingContent: { 'ContactId: ': String(contact.id) } };
    },
  },

  create_cn_audit: {
    root: 'CreateCnAuditResponse',
    handle(params, { account }) {
      const contact = contactParam(account, params);
      const type = required(params, 'contact_type');
      if (type !== 'Individual' && type !== 'Enterprise') throw new SimFailure(`contact_type must be Individual or Enterprise: ${type}`);
      auditDocument(params, 'individual', INDIVIDUAL_ID_TYPES);
      if (type === 'Enterprise') auditDocument(params, 'enterprise', ENTERPRISE_ID_TYPES);
      const audit: SimCnAudit = { contactType: type, status: 'processing' };
      contact.cnAudit = audit;
      return { ResponseCode: 0, Status: 'success' };
    },
  },

  get_cn_audit_status: {
    root: 'GetCnAuditStatusResponse',
    handle(params, { account }) {
      const contact = contactParam(account, params);
      const audit = contact.cnAudit;
      if (!audit) throw new SimFailure(`contact ${contact.id} has no cn audit`);
      return { ResponseCode: '0', Status: 'success', CnAuditStatus: audit.status, ...(audit.failedReason ? { FailedReason: audit.failedReason } : {}) };
    },
  },
};
