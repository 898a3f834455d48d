/**
 * Toolsets group the catalog so an agent's context holds only what the user needs. The default
 * set covers running a portfolio day to day; the rest are opt-in with DYNADOT_TOOLSETS or
 * `--toolsets` (`all` for everything).
 */
export const TOOLSETS = {
  domains: { default: true, description: 'search, register, renew, delete and manage domains' },
  dns: { default: true, description: 'read and write DNS records on Dynadot DNS' },
  nameservers: { default: true, description: 'name servers of domains and registered hosts' },
  contacts: { default: true, description: 'WHOIS contacts' },
  account: { default: true, description: 'account details, balance, processing state' },
  transfers: { default: false, description: 'transfers in and out, auth codes, pushes' },
  folders: { default: false, description: 'folders and their default settings' },
  defaults: { default: false, description: 'account-wide default settings for new domains' },
  aftermarket: { default: false, description: 'auctions, backorders, closeouts, listings' },
  orders: { default: false, description: 'orders, their status, coupons' },
  reseller: { default: false, description: 'reseller-only commands' },
  legacy: { default: false, description: 'deprecated api3 commands kept for completeness' },
} as const satisfies Record<string, { default: boolean; description: string }>;

export type ToolsetName = keyof typeof TOOLSETS;
export const TOOLSET_NAMES = Object.keys(TOOLSETS) as ToolsetName[];
export const DEFAULT_TOOLSETS = TOOLSET_NAMES.filter((name) => TOOLSETS[name].default);

export function isToolsetName(name: string): name is ToolsetName {
  return Object.hasOwn(TOOLSETS, name);
}
