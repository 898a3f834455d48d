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
  undo: { default: true, description: 'snapshots of replaced settings, and putting them back' },
  transfers: { default: false, description: 'transfers in and out, auth codes, pushes' },
  folders: { default: false, description: 'folders and their default settings' },
  defaults: { default: false, description: 'account-wide default settings for new domains' },
  aftermarket: { default: false, description: 'auctions, backorders, closeouts, listings' },
  orders: { default: false, description: 'orders, their status, coupons' },
  reseller: { default: false, description: 'reseller-only commands' },
  legacy: { default: false, description: 'deprecated api3 commands kept for completeness' },
} as const satisfies Record<string, { default: boolean; description: string }>;

export type ToolsetName = keyof typeof TOOLSETS;
export const TOOLSET_NAMES: ToolsetName[] = Object.keys(TOOLSETS).filter(isToolsetName);
export const DEFAULT_TOOLSETS = TOOLSET_NAMES.filter((name) => TOOLSETS[name].default);

export function isToolsetName(name: string): name is ToolsetName {
  return Object.hasOwn(TOOLSETS, name);
}

/** What the served-names check needs to know of a tool. */
export interface NamedTool {
  name: string;
  toolset: ToolsetName;
  effect: string;
}

/** Starts the note a text gets when it names tools this server does not serve. */
export const NOT_SERVED = 'Not served here:';

/**
 * Keeps every text an agent reads (hints, descriptions, previews) true to the running server.
 * Texts are written naming tools freely; where one names a catalog tool this server does not
 * serve, a short note is added saying how to get it. A tool name counts as named when written
 * as it is (`list_domain`, `get_dns`); a one-word name (search, register, renew, delete) only
 * when written in backticks, so the English words are left alone.
 */
export class ServedNames {
  private readonly missing: ReadonlyArray<{ tool: NamedTool; pattern: RegExp }>;

  constructor(
    catalog: readonly NamedTool[],
    served: readonly { name: string }[],
    private readonly readOnly = false,
  ) {
    const here = new Set(served.map((tool) => tool.name));
    this.missing = catalog
      .filter((tool) => !here.has(tool.name))
      .map((tool) => ({
        tool,
        pattern: tool.name.includes('_') ? new RegExp(`(?<![\\w-])${tool.name}(?![\\w-])`) : new RegExp(`\`${tool.name}\``),
      }));
  }

  /** The unserved tools the texts name, in catalog order. */
  named(...texts: ReadonlyArray<string | undefined>): NamedTool[] {
    const text = texts.filter((t) => t !== undefined).join('\n');
    if (text.includes(NOT_SERVED)) return [];
    return this.missing.filter(({ pattern }) => pattern.test(text)).map(({ tool }) => tool);
  }

  /** The note for texts that name unserved tools: which, and how to enable them; undefined when none. */
  note(...texts: ReadonlyArray<string | undefined>): string | undefined {
    const named = this.named(...texts);
    if (named.length === 0) return undefined;
    const writes = this.readOnly ? named.filter((tool) => tool.effect !== 'read') : [];
    const byToolset = new Map<ToolsetName, string[]>();
    for (const tool of named) {
      if (writes.includes(tool)) continue;
      byToolset.set(tool.toolset, [...(byToolset.get(tool.toolset) ?? []), tool.name]);
    }
    const parts = [...byToolset].map(([toolset, names]) => `${names.join(', ')} (toolset ${toolset})`);
    if (writes.length > 0) parts.push(`${writes.map((tool) => tool.name).join(', ')} (this server is read-only)`);
    const how = byToolset.size > 0 ? '; enable with DYNADOT_TOOLSETS or --toolsets' : '';
    return `${NOT_SERVED} ${parts.join('; ')}${how}.`;
  }

  /** The text, with the note added when it names unserved tools. */
  adapt(text: string): string;
  adapt(text: string | undefined): string | undefined;
  adapt(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const note = this.note(text);
    if (note === undefined) return text;
    return `${text}${/[.!?)]$/.test(text) ? '' : '.'} ${note}`;
  }
}
