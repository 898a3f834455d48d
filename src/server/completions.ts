import type { CompleteRequest, CompleteResult, Server, ServerContext } from '@modelcontextprotocol/server';
import { errorMessage, log } from '../log.js';
import { type AccountReads, requestContext } from './account-reads.js';

/** What an argument names in the account, so a client can offer the account's own values. */
export type CompletionKind = 'domain' | 'folder' | 'contact';

/** The most values one answer holds: the protocol's limit. */
const MAX_VALUES = 100;

/**
 * How long the account's names are reused between completion requests. A client asks on every
 * keystroke, and each read is one of the account's 60 api3 requests a minute: a few seconds of
 * staleness (a domain registered in the control panel a moment ago) costs less than the quota.
 * A change sent through this server clears them at once (forgetCompletions).
 */
const FRESH_MS = 30_000;

/** A completion value with the words a person may type to find it (a contact's name for its id). */
interface Candidate {
  value: string;
  also?: string;
}

type Lists = Map<CompletionKind, { at: number; candidates: Promise<Candidate[]> }>;

/** One cache per account (its api3 client): every session of a process completes from the same reads. */
const cachedLists = new WeakMap<object, Lists>();

/** After a change to the account: the next completion reads its names again. */
export function forgetCompletions(api: object): void {
  cachedLists.delete(api);
}

/** The account's values of one kind, each read once per FRESH_MS; a failed read is not kept. */
function candidates(reads: AccountReads, kind: CompletionKind, mcp: ServerContext): Promise<Candidate[]> {
  let lists = cachedLists.get(reads.ctx.api);
  if (!lists) {
    lists = new Map();
    cachedLists.set(reads.ctx.api, lists);
  }
  const cached = lists.get(kind);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.candidates;
  const loading = load(reads, kind, mcp);
  const entry = { at: Date.now(), candidates: loading };
  lists.set(kind, entry);
  loading.catch(() => {
    if (lists.get(kind) === entry) lists.delete(kind);
  });
  return loading;
}

async function load(reads: AccountReads, kind: CompletionKind, mcp: ServerContext): Promise<Candidate[]> {
  const ctx = requestContext(reads.ctx, mcp);
  switch (kind) {
    case 'domain':
      // The account port's one list_domain read, whatever the portfolio's size.
      return [...(await ctx.account.domains({}, ctx)).keys()].map((value) => ({ value }));
    case 'folder':
      return (await ctx.account.folders(ctx)).map(({ name }) => ({ value: name }));
    case 'contact':
      return (await ctx.account.contacts(ctx)).map(({ id, name, organization, email }) => {
        const words = [name, organization, email].filter((word) => word !== undefined).join(' ');
        return { value: String(id), ...(words ? { also: words } : {}) };
      });
  }
}

/**
 * The values for what was typed: those starting with it first, then those containing it (a
 * name inside a domain, a contact's name or email for its id), up to the protocol's 100.
 */
export async function complete(reads: AccountReads, kind: CompletionKind, typed: string, mcp: ServerContext): Promise<CompleteResult> {
  let all: Candidate[];
  try {
    all = await candidates(reads, kind, mcp);
  } catch (error) {
    // A suggestion list is a convenience: a failed read leaves the user typing, not an error dialog.
    log('warn', `could not read ${kind} names for completion: ${errorMessage(error)}`);
    return { completion: { values: [] } };
  }
  const needle = typed.trim().toLowerCase();
  const starting = all.filter((c) => c.value.toLowerCase().startsWith(needle));
  const containing = needle
    ? all.filter((c) => !c.value.toLowerCase().startsWith(needle) && `${c.value} ${c.also ?? ''}`.toLowerCase().includes(needle))
    : [];
  const matches = [...starting, ...containing].map((c) => c.value);
  return { completion: { values: matches.slice(0, MAX_VALUES), total: matches.length, hasMore: matches.length > MAX_VALUES } };
}

/** Which kind of value an argument of a prompt or of a resource template takes; undefined: nothing to offer. */
export type ArgumentKinds = (ref: CompleteRequest['params']['ref'], argument: string) => CompletionKind | undefined;

/**
 * completion/complete for prompt arguments and the domain template's `name`. A reference this
 * server does not know (another server's prompt, an argument without values to offer) answers
 * no values: there is simply nothing to suggest.
 */
export function registerCompletions(server: Server, reads: AccountReads, kindOf: ArgumentKinds): void {
  server.setRequestHandler('completion/complete', async (request, mcp) => {
    const { ref, argument } = request.params;
    const kind = kindOf(ref, argument.name);
    if (!kind) return { completion: { values: [] } };
    return complete(reads, kind, typeof argument.value === 'string' ? argument.value : '', mcp);
  });
}

