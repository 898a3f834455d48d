import { type GetPromptResult, type Prompt, ProtocolError, ProtocolErrorCode, type Server } from '@modelcontextprotocol/server';
import type { CompletionKind } from './completions.js';
import { domainName } from './schemas.js';
import type { ServedNames } from './toolsets.js';

/**
 * MCP prompts for the common workflows. Each one tells the model the order every change takes
 * on this server: read what is there, show the user a preview, and confirm only once the user
 * approved it, naming this server's own tools. Their texts are written naming tools freely;
 * `ServedNames` adds a note where the running server does not list one (read-only, toolsets),
 * exactly as for tool descriptions and hints.
 */

interface WorkflowArgument {
  name: string;
  description: string;
  required?: true;
  /** The account's values a client may offer for it (completion/complete). */
  complete?: CompletionKind;
  /** Checks and normalises a value; throws the reason it is not one. */
  check?(value: string): string;
}

interface WorkflowPrompt {
  name: string;
  title: string;
  description: string;
  arguments: WorkflowArgument[];
  /** The instructions, from the arguments as checked (absent optional ones are absent). */
  text(args: Record<string, string>): string;
}

/** The longest free-text argument taken: a prompt is instructions, not a document. */
const MAX_ARGUMENT = 500;

function oneDomain(value: string): string {
  const parsed = domainName.safeParse(value);
  if (!parsed.success) throw new Error('must be a domain name such as example.com');
  return parsed.data;
}

function days(value: string): string {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw new Error('must be a whole number of days from 0 to 3650');
  return String(n);
}

/** The confirmation step, said the same way in every prompt that changes something. */
function confirmStep(tool: string, then: string): string {
  return `Only after the user approves that preview, call ${tool} again with exactly the same arguments plus confirm: true and the preview's confirmation_id. If the preview has refused_because and no confirmation_id, stop and explain why. ${then}`;
}

const READ_FIRST = 'Work in this order and do not skip a step: read, show the user, preview, confirm only after their approval.';

export const WORKFLOW_PROMPTS: readonly WorkflowPrompt[] = [
  {
    name: 'research_name',
    title: 'Research a domain name',
    description: 'Check names across TLDs for availability, first-year and renewal price; register only what the user picks.',
    arguments: [
      { name: 'names', description: 'names or ideas, comma-separated (e.g. acme, acme-shop.io)', required: true },
      { name: 'tlds', description: 'TLDs to try, e.g. com, io (default: com and a few that fit)' },
      { name: 'budget', description: 'most the user will pay for the first year, e.g. 20 USD' },
      { name: 'contact_id', description: 'contact id to register with (default: the account defaults)', complete: 'contact' },
    ],
    text: (a) =>
      [
        `Research domain names for: ${a.names}. TLDs: ${a.tlds ?? 'com and a few that fit the name'}.${a.budget ? ` Budget for the first year: ${a.budget}.` : ''}`,
        READ_FIRST,
        `1. Read: check every name and TLD in one call of \`research_domains\` (names, tlds${a.budget ? ', max_price from the budget' : ''}; taken: ["aftermarket", "registration"] to see what the taken names look like: offers, expiry, when they may come free). It uses as few api3 requests as the account allows.`,
        '2. Show the user its table, cheapest first: name, purchasable, first-year price, renewal price, premium. Point out premium names and renewals far above the first year, and what the taken names look like. Buy nothing unless the user picks a name and asks for it.',
        `3. Preview: call \`register\` for the chosen name without confirm${a.contact_id ? `, with contacts: {registrant: ${a.contact_id}, admin: ${a.contact_id}, technical: ${a.contact_id}, billing: ${a.contact_id}}` : ''}. Show its preview (price, balance before and after).`,
        `4. ${confirmStep('`register`', 'Then tell the user the result, or that it is pending.')}`,
      ].join('\n'),
  },
  {
    name: 'safe_dns_change',
    title: 'Change DNS records safely',
    description: 'Change DNS records of one domain, keeping every other record, with a preview and an undo.',
    arguments: [
      { name: 'domain', description: 'the domain whose records change', required: true, complete: 'domain', check: oneDomain },
      { name: 'change', description: 'what to change, e.g. point www to 203.0.113.7, add a TXT for Google', required: true },
    ],
    text: (a) =>
      [
        `Make this DNS change on ${a.domain}: ${a.change}.`,
        READ_FIRST,
        `1. Read: get_dns for ${a.domain}. Records exist only on Dynadot DNS: if the domain uses other name servers, the change belongs with that DNS host; say so and stop.`,
        '2. Plan the smallest edit and show the user the affected records before and after. update_dns_records changes only what it names and keeps every other record: set replaces the records of a subdomain and type, add adds records beside the current ones (a verification TXT), remove deletes; use set_dns2 only when the user wants the whole zone replaced.',
        `3. Preview: call update_dns_records for ${a.domain} without confirm. Show the user its preview: what is replaced and what stays.`,
        `4. ${confirmStep(`update_dns_records`, `Then read get_dns again to check. The answer's snapshot_id lets restore_settings put the old records back.`)}`,
      ].join('\n'),
  },
  {
    name: 'renewal_review',
    title: 'Review renewals',
    description: 'Domains expiring soon, their renew option and cost against the balance; renew or change options on approval.',
    arguments: [
      { name: 'days', description: 'how far ahead to look, in days (default 30)', check: days },
      { name: 'folder', description: 'only the domains in this folder', complete: 'folder' },
    ],
    text: (a) => {
      const horizon = a.days ?? '30';
      return [
        `Review the renewals of domains expiring in the next ${horizon} days${a.folder ? ` in the folder ${a.folder}` : ''}.`,
        READ_FIRST,
        `1. Read: list_domain with expiring_within_days: ${horizon}${a.folder ? ` and folder: ${JSON.stringify(a.folder)}` : ''} (renew_option: ["do_not_renew", "reset"] keeps those not on auto-renew); get_account_balance; tld_price for the TLDs involved.`,
        '2. Show the user a short table: domain, expiry, renew option, renewal price. Flag the domains that will lapse (not on auto-renew) and any already expired, and compare the total with the balance.',
        "3. Preview, for each change the user asks for: set_renew_option (auto, do_not_renew, or reset to clear the domain's own choice) or `renew` (one domain per call), called without confirm. Show the user its preview (for a renewal: price, balance after).",
        `4. ${confirmStep('the same tool', 'Then list_domain again to show the new state.')}`,
      ].join('\n');
    },
  },
  {
    name: 'move_name_servers',
    title: 'Move to new name servers',
    description: 'Point a domain at other name servers after showing what stops answering; undoable.',
    arguments: [
      { name: 'domain', description: 'the domain to move', required: true, complete: 'domain', check: oneDomain },
      { name: 'name_servers', description: 'the new name servers, comma-separated, e.g. ns1.example.net, ns2.example.net', required: true },
    ],
    text: (a) =>
      [
        `Move ${a.domain} to the name servers ${a.name_servers}.`,
        READ_FIRST,
        `1. Read: get_ns and get_dns for ${a.domain} (on Dynadot DNS, the records that stop answering after the move); server_list for the name servers registered in the account, since set_ns takes only those (add_ns registers an outside host first, on approval).`,
        '2. Show the user what changes: the old and new name servers, and the records (website, email, verification) that stop answering unless the new name servers serve them.',
        `3. Preview: call set_ns with domains: ["${a.domain}"] and name_servers, without confirm. Show its preview.`,
        `4. ${confirmStep(`set_ns`, "Then get_ns to check. The answer's snapshot_id lets restore_settings move it back.")}`,
      ].join('\n'),
  },
  {
    name: 'undo_change',
    title: 'Undo a change',
    description: 'Find the snapshot taken before a DNS, name server or parking change and put it back.',
    arguments: [
      { name: 'domain', description: 'the domain whose change to undo (default: the latest change)', complete: 'domain', check: oneDomain },
      { name: 'what', description: 'which change, in the user\'s words, e.g. "the MX change this morning"' },
    ],
    text: (a) =>
      [
        `Undo ${a.what ? `this change: ${a.what}` : 'the latest change'}${a.domain ? ` on ${a.domain}` : ''}.`,
        READ_FIRST,
        `1. Read: list_snapshots${a.domain ? ` with domain: "${a.domain}"` : ''}. A snapshot is saved before every change that replaced DNS records, name servers or parking; pick the one taken just before the change meant (time, tool, summary) and ask the user if more than one fits. get_dns shows what the domain has now. Changes of other settings (renew option, privacy, lock) have no snapshot: they are undone with the tool that set them.`,
        '2. Show the user what would come back and what it replaces.',
        '3. Preview: call restore_settings with that snapshot_id (and domains, to restore only some) without confirm. Show its preview.',
        `4. ${confirmStep(`restore_settings`, 'Then get_dns to check. A restore is snapshotted too, so it can itself be undone.')}`,
      ].join('\n'),
  },
];

/** The kind of value a prompt's argument takes, for completion/complete. */
export function promptArgumentKind(prompt: string, argument: string): CompletionKind | undefined {
  return WORKFLOW_PROMPTS.find((p) => p.name === prompt)?.arguments.find((a) => a.name === argument)?.complete;
}

function listed(prompt: WorkflowPrompt): Prompt {
  return {
    name: prompt.name,
    title: prompt.title,
    description: prompt.description,
    arguments: prompt.arguments.map((a) => ({ name: a.name, description: a.description, ...(a.required ? { required: true } : {}) })),
  };
}

/** The arguments as the text uses them: required ones present, each checked, free text bounded. */
function checkedArguments(prompt: WorkflowPrompt, given: Record<string, string>): Record<string, string> {
  const known = new Set(prompt.arguments.map((a) => a.name));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `prompt ${prompt.name} has no argument ${unknown.join(', ')}; it takes: ${[...known].join(', ')}`);
  }
  const args: Record<string, string> = {};
  for (const argument of prompt.arguments) {
    const value = given[argument.name]?.trim();
    if (!value) {
      if (argument.required) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `prompt ${prompt.name} needs the argument ${argument.name} (${argument.description})`);
      continue;
    }
    if (value.length > MAX_ARGUMENT) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `argument ${argument.name} of prompt ${prompt.name} is longer than ${MAX_ARGUMENT} characters`);
    try {
      args[argument.name] = argument.check ? argument.check(value) : value;
    } catch (error) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `argument ${argument.name} of prompt ${prompt.name} ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return args;
}

export interface PromptSetting {
  names: ServedNames;
  demo: boolean;
  dryRun: boolean;
}

/** prompts/list and prompts/get. */
export function registerPrompts(server: Server, setting: PromptSetting): void {
  const prompts = WORKFLOW_PROMPTS.map(listed);
  server.setRequestHandler('prompts/list', () => ({ prompts }));
  server.setRequestHandler('prompts/get', (request): GetPromptResult => {
    const prompt = WORKFLOW_PROMPTS.find((p) => p.name === request.params.name);
    if (!prompt) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `unknown prompt ${request.params.name}; prompts/list names: ${WORKFLOW_PROMPTS.map((p) => p.name).join(', ')}`);
    }
    const args = checkedArguments(prompt, request.params.arguments ?? {});
    const notes = [
      ...(setting.demo ? ['This server runs in DEMO MODE on a simulated account: nothing is real and nothing is charged.'] : []),
      ...(setting.dryRun ? ['This server runs in DRY RUN: every change answers with its preview only.'] : []),
    ];
    const text = setting.names.adapt([prompt.text(args), ...notes].join('\n'));
    return { description: prompt.description, messages: [{ role: 'user', content: { type: 'text', text } }] };
  });
}
