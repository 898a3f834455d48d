import { renderServers } from '../render.js';
import { defaultScope, domainsScope, folderScope, type ScopeOptions } from '../setting-scopes.js';
import * as kinds from '../settings.js';
import type { SimHandler, SimHandlers } from '../types.js';

/**
 * Every scoped setting command of the document: one kind in three scopes. Root keys and the
 * ResponseCode's JSON type are the document examples' (set_dns2 answers SetDnsResponse, the
 * number 0; set_parking the string "0").
 */
type Row = [command: string, scope: typeof domainsScope, kind: kinds.SettingKind, root: string, options?: ScopeOptions];

const number: ScopeOptions = { code: 0 };
/** set_folder_ns and set_default_ns list the hosts now set, with their server ids. */
const servers = (content: string): ScopeOptions => ({
  code: 0,
  content(value, account) {
    const hosts = typeof value === 'object' && 'kind' in value && value.kind === 'nameservers' ? value.hosts : [];
    return { [content]: renderServers(account, hosts) };
  },
});

const ROWS: Row[] = [
  ['set_whois', domainsScope, kinds.whois, 'SetWhoisResponse'],
  ['set_ns', domainsScope, kinds.nameServers, 'SetNsResponse', number],
  ['set_parking', domainsScope, kinds.parking, 'SetParkingResponse'],
  ['set_forwarding', domainsScope, kinds.forwarding, 'SetForwardingResponse'],
  ['set_stealth', domainsScope, kinds.stealth, 'SetStealthResponse'],
  ['set_hosting', domainsScope, kinds.hosting, 'SetHostingResponse'],
  ['set_dns2', domainsScope, kinds.dns, 'SetDnsResponse', number],
  ['set_email_forward', domainsScope, kinds.emailForward, 'SetEmailForwardingResponse'],
  ['set_clear_domain_setting', domainsScope, kinds.clearService, 'SetClearDomainSettingResponse'],
  ['set_renew_option', domainsScope, kinds.renewOption, 'SetRenewOptionResponse', number],

  ['set_folder_whois', folderScope, kinds.whois, 'SetFolderWhoisResponse'],
  ['set_folder_ns', folderScope, kinds.nameServers, 'SetFolderNsResponse', servers('SetFolderNsContent')],
  ['set_folder_parking', folderScope, kinds.parking, 'SetFolderParkingResponse'],
  ['set_folder_forwarding', folderScope, kinds.forwarding, 'SetFolderForwardingResponse'],
  ['set_folder_stealth', folderScope, kinds.stealth, 'SetFolderStealthResponse'],
  ['set_folder_hosting', folderScope, kinds.hosting, 'SetFolderHostingResponse'],
  ['set_folder_dns2', folderScope, kinds.dns, 'SetFolderDnsResponse', number],
  ['set_folder_dns', folderScope, kinds.legacyDns, 'SetFolderDnsResponse'],
  ['set_folder_email_forward', folderScope, kinds.emailForward, 'SetFolderEmailForwardingResponse'],
  ['set_clear_folder_setting', folderScope, kinds.clearService, 'SetClearFolderSettingResponse'],
  ['set_folder_renew_option', folderScope, kinds.renewOption, 'SetFolderRenewOptionResponse'],

  ['set_default_whois', defaultScope, kinds.whois, 'SetDefaultWhoisResponse'],
  ['set_default_ns', defaultScope, kinds.nameServers, 'SetDefaultNsResponse', servers('SetDefaultNsContent')],
  ['set_default_parking', defaultScope, kinds.parking, 'SetDefaultParkingResponse'],
  ['set_default_forwarding', defaultScope, kinds.forwarding, 'SetDefaultForwardingResponse'],
  ['set_default_stealth', defaultScope, kinds.stealth, 'SetDefaultStealthResponse'],
  ['set_default_hosting', defaultScope, kinds.hosting, 'SetDefaultHostingResponse'],
  ['set_default_dns2', defaultScope, kinds.dns, 'SetDefaultDnsResponse'],
  ['set_default_dns', defaultScope, kinds.legacyDns, 'SetDefaultDnsResponse'],
  ['set_default_email_forward', defaultScope, kinds.emailForward, 'SetDefaultEmailForwardingResponse'],
  ['set_clear_default_setting', defaultScope, kinds.clearService, 'SetClearDefaultSettingResponse'],
  ['set_default_renew_option', defaultScope, kinds.renewOption, 'SetDefaultRenewOptionResponse', number],
];

export const settingHandlers: SimHandlers = Object.fromEntries(
  ROWS.map(([command, scope, kind, root, options]): [string, SimHandler] => [command, scope(kind, root, options)]),
);
