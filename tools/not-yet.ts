import type { ToolsetName } from '../src/server/toolsets.js';

/**
 * The api3 commands of the document that no tool serves yet, each with the toolset its tool will
 * belong to. test/unit/catalog-files.test.ts holds this list to the document and the catalog:
 * every command is either served or here, never both. The README's "Not yet served" section is
 * generated from it. Serving a command means taking it off this list.
 */
export const NOT_YET: ReadonlyArray<{ command: string; toolset: ToolsetName }> = [
  // domains
  // dns
  // nameservers
  // transfers
  { command: 'transfer', toolset: 'transfers' },
  { command: 'cancel_transfer', toolset: 'transfers' },
  { command: 'get_transfer_status', toolset: 'transfers' },
  { command: 'set_transfer_auth_code', toolset: 'transfers' },
  { command: 'authorize_transfer_away', toolset: 'transfers' },
  { command: 'get_transfer_auth_code', toolset: 'transfers' },
  { command: 'push', toolset: 'transfers' },
  { command: 'get_domain_push_request', toolset: 'transfers' },
  { command: 'set_domain_push_request', toolset: 'transfers' },
  // folders
  { command: 'set_folder_whois', toolset: 'folders' },
  { command: 'set_folder_ns', toolset: 'folders' },
  { command: 'set_folder_parking', toolset: 'folders' },
  { command: 'set_folder_forwarding', toolset: 'folders' },
  { command: 'set_folder_stealth', toolset: 'folders' },
  { command: 'set_folder_hosting', toolset: 'folders' },
  { command: 'set_folder_dns2', toolset: 'folders' },
  { command: 'set_folder_email_forward', toolset: 'folders' },
  { command: 'set_folder_renew_option', toolset: 'folders' },
  { command: 'set_clear_folder_setting', toolset: 'folders' },
  // defaults
  // orders
  // reseller
  // legacy: deprecated by the document in favour of another command
  { command: 'set_default_dns', toolset: 'legacy' },
  { command: 'set_folder_dns', toolset: 'legacy' },
];
