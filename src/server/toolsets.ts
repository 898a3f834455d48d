/**
 * Toolsets group the catalog so an agent's context holds only what the user needs. By default
 * (`default`) the server lists the catalog's everyday tools (a spec's `everyday`: research,
 * registration, renewal, portfolio reads, DNS, name servers, undo) and the discovery pair,
 * through which every other tool is found and called; a toolset named in DYNADOT_TOOLSETS or
 * `--toolsets` is listed whole, and `all` lists every catalog tool.
 */
export const TOOLSETS = {
  discover: { description: 'find_tools and call_tool: find any tool by need, call it under the same checks' },
  domains: { description: 'search, register, renew, delete and manage domains' },
  dns: { description: 'read and write DNS records on Dynadot DNS' },
  nameservers: { description: 'name servers of domains and registered hosts' },
  contacts: { description: 'WHOIS contacts' },
  account: { description: 'account details, balance, processing state' },
  undo: { description: 'snapshots of replaced settings, and putting them back' },
  transfers: { description: 'transfers in and out, auth codes, pushes' },
  folders: { description: 'folders and their default settings' },
  defaults: { description: 'account-wide default settings for new domains' },
  aftermarket: { description: 'auctions, backorders, closeouts, listings' },
  orders: { description: 'orders, their status, coupons' },
  reseller: { description: 'reseller-only commands' },
  legacy: { description: 'deprecated api3 commands kept for completeness' },
} as const satisfies Record<string, { description: string }>;

export type ToolsetName = keyof typeof TOOLSETS;
export const TOOLSET_NAMES: ToolsetName[] = Object.keys(TOOLSETS).filter(isToolsetName);
/** A toolset, or `default`: the everyday tools of every toolset and the discovery pair. */
export type ToolsetChoice = ToolsetName | 'default';
/** What is served when nothing is chosen. */
export const DEFAULT_CHOICE: readonly ToolsetChoice[] = ['default'];
/** The two tools that reach the whole catalog (src/server/discovery.ts). */
export const FIND_TOOLS = 'find_tools';
export const CALL_TOOL = 'call_tool';

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

/** Why the running server leaves out what it leaves out: its profile, and the commands no tool serves yet. */
export interface Withheld {
  /** --read-only: every tool that is not a read. */
  readOnly?: boolean;
  /** --no-purchases: the catalog tools that spend money. */
  purchases?: ReadonlySet<string>;
  /** api3 commands no tool serves yet (tools/not-yet.ts), with the toolset each will join. */
  notYet?: ReadonlyArray<{ command: string; toolset: ToolsetName }>;
  /** The discovery pair is served: a tool of a toolset that is not listed is still reached through call_tool. */
  discoverable?: boolean;
}

/** Why one name is not served: each reason has its own remedy, or none. */
type Absence = 'toolset' | 'read-only' | 'no-purchases' | 'not-yet';

/** What an agent reads for a tool missing for `reason`: the one thing that would change it, or that nothing would. */
function absenceText(name: string, toolset: ToolsetName, reason: Absence): string {
  switch (reason) {
    case 'toolset':
      return `${name} (toolset ${toolset})`;
    case 'read-only':
      return `${name} (this server is read-only: --read-only / DYNADOT_READ_ONLY)`;
    case 'no-purchases':
      return `${name} (spends money, and this server runs the no-purchases profile: --no-purchases / DYNADOT_NO_PURCHASES)`;
    case 'not-yet':
      return `${name} (an api3 command this server does not serve yet, whatever its settings)`;
  }
}

/**
 * Keeps every text an agent reads (hints, descriptions, previews) true to the running server.
 * Texts are written naming tools freely; where one names a catalog tool this server does not
 * serve, or an api3 command no tool serves yet, a short note is added saying why, and how to get
 * it where a setting would. A tool name counts as named when written as it is (`list_domain`,
 * `get_dns`); a one-word name (search, register, renew, delete) only when written in backticks,
 * so the English words are left alone.
 */
export class ServedNames {
  private readonly missing: ReadonlyArray<{ name: string; toolset: ToolsetName; reason: Absence; pattern: RegExp }>;
  /** Where a tool of an unlisted toolset is reached: through call_tool when the discovery pair is served. */
  private readonly reach: string;

  constructor(catalog: readonly NamedTool[], served: readonly { name: string }[], withheld: Withheld = {}) {
    this.reach = withheld.discoverable ? 'reach through call_tool (find_tools shows the arguments), or ' : '';
    const here = new Set(served.map((tool) => tool.name));
    const pattern = (name: string) => (name.includes('_') ? new RegExp(`(?<![\\w-])${name}(?![\\w-])`) : new RegExp(`\`${name}\``));
    // The profile wins over the toolset: enabling a toolset would not bring a write back to a read-only server.
    const reason = (tool: NamedTool): Absence =>
      withheld.readOnly && tool.effect !== 'read' ? 'read-only' : withheld.purchases?.has(tool.name) ? 'no-purchases' : 'toolset';
    const inCatalog = new Set(catalog.map((tool) => tool.name));
    this.missing = [
      ...catalog.filter((tool) => !here.has(tool.name)).map((tool) => ({ name: tool.name, toolset: tool.toolset, reason: reason(tool), pattern: pattern(tool.name) })),
      ...(withheld.notYet ?? [])
        .filter(({ command }) => !inCatalog.has(command))
        .map(({ command, toolset }) => ({ name: command, toolset, reason: 'not-yet' as const, pattern: pattern(command) })),
    ];
  }

  /** The unserved tools the texts name, in catalog order, then the commands not yet served. */
  named(...texts: ReadonlyArray<string | undefined>): ReadonlyArray<{ name: string; toolset: ToolsetName; reason: Absence }> {
    const text = texts.filter((t) => t !== undefined).join('\n');
    if (text.includes(NOT_SERVED)) return [];
    return this.missing.filter(({ pattern }) => pattern.test(text));
  }

  /** The note for texts that name unserved tools: which, why, and how to enable them where a setting would; undefined when none. */
  note(...texts: ReadonlyArray<string | undefined>): string | undefined {
    const named = this.named(...texts);
    if (named.length === 0) return undefined;
    const byToolset = new Map<ToolsetName, string[]>();
    const others: string[] = [];
    for (const tool of named) {
      if (tool.reason === 'toolset') byToolset.set(tool.toolset, [...(byToolset.get(tool.toolset) ?? []), tool.name]);
      else others.push(absenceText(tool.name, tool.toolset, tool.reason));
    }
    const parts = [...[...byToolset].map(([toolset, names]) => absenceText(names.join(', '), toolset, 'toolset')), ...others];
    const how = byToolset.size > 0 ? `; ${this.reach}enable with DYNADOT_TOOLSETS or --toolsets` : '';
    return `${NOT_SERVED} ${parts.join('; ')}${how}.`;
  }

  /**
   * For a call of a tool this server does not serve: why, as the hint. Undefined when the name is
   * no catalog tool and no api3 command at all.
   */
  whyNotServed(name: string): string | undefined {
    const tool = this.missing.find((missing) => missing.name === name);
    if (!tool) return undefined;
    const how = tool.reason === 'toolset' ? ` ${this.reach}enable it with DYNADOT_TOOLSETS or --toolsets (or DYNADOT_TOOLS=${name})` : '';
    return `${NOT_SERVED} ${absenceText(name, tool.toolset, tool.reason)}${how ? `;${how}` : ''}.`;
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
