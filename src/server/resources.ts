import {
  ProtocolError,
  ProtocolErrorCode,
  type ReadResourceResult,
  type Resource,
  ResourceNotFoundError,
  type ResourceTemplateType,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { maskSecretsIn, redact } from '../api3/redact.js';
import { Api3Error } from '../api3/errors.js';
import { errorMessage, log } from '../log.js';
import { type AccountReads, readTool, readWith, requestContext } from './account-reads.js';
import { isJson, type Json } from './condense.js';
import { domainName } from './schemas.js';
import { readNoFollow } from './state-store.js';

/**
 * MCP resources: what a person or client can attach to a conversation without a tool call. The
 * account summary, one domain (a template), the snapshots and the recent audit lines. Each read
 * goes through the account port (the catalog's read tools) or list_snapshots, so it is one more
 * caller of the same api3 client and queue, never a second way to api3; answers are condensed JSON with the
 * server's labels, the literal key and configured secrets masked as in tool results.
 */

export const ACCOUNT_URI = 'dynadot://account';
export const SNAPSHOTS_URI = 'dynadot://snapshots';
export const AUDIT_URI = 'dynadot://audit';
export const DOMAIN_TEMPLATE = 'dynadot://domain/{name}';
const DOMAIN_URI = /^dynadot:\/\/domain\/([^/?#]+)$/;

/** How many audit lines the resource shows: the recent ones, where a person looks for what just happened. */
const AUDIT_LINES = 50;
/** How much of the log's end is read for them: lines are short, and a long log is never read whole. */
const AUDIT_TAIL_BYTES = 262_144;
const SNAPSHOTS_SHOWN = 50;

export interface ResourceSetting extends AccountReads {
  /** The audit log's file (DYNADOT_AUDIT_LOG or the state folder's); without it no audit resource. */
  auditPath?: string;
}

interface StaticResource {
  resource: Resource;
  /** Whether this server can serve it: it keeps a state folder, an audit log. */
  served(setting: ResourceSetting): boolean;
  read(setting: ResourceSetting, mcp: ServerContext): Promise<Json>;
}

const STATIC: readonly StaticResource[] = [
  {
    resource: {
      uri: ACCOUNT_URI,
      name: 'account',
      title: 'Dynadot account summary',
      description: 'Username, balances, price level, default contacts and name servers.',
      mimeType: 'application/json',
    },
    served: () => true,
    read: (setting, mcp) => {
      const ctx = requestContext(setting.ctx, mcp);
      return ctx.account.summary(ctx);
    },
  },
  {
    resource: {
      uri: SNAPSHOTS_URI,
      name: 'snapshots',
      title: 'Snapshots of replaced settings',
      description: 'Settings saved before each change, newest first; restore_settings puts one back.',
      mimeType: 'application/json',
    },
    served: (s) => s.ctx.store !== undefined && readTool(s.catalog, 'list_snapshots') !== undefined,
    read: (setting, mcp) => readWith(setting, 'list_snapshots', { limit: SNAPSHOTS_SHOWN }, requestContext(setting.ctx, mcp)),
  },
  {
    resource: {
      uri: AUDIT_URI,
      name: 'audit',
      title: 'Recent changes (audit log)',
      description: `The last ${AUDIT_LINES} audit log lines, oldest first: each change sent and its outcome.`,
      mimeType: 'application/json',
    },
    served: (s) => s.auditPath !== undefined,
    read: async (setting) => recentAudit(setting.auditPath ?? ''),
  },
];

const DOMAIN_RESOURCE: ResourceTemplateType = {
  uriTemplate: DOMAIN_TEMPLATE,
  name: 'domain',
  title: 'A domain of the account',
  description: 'One domain: expiry, lock, privacy, renew option, contacts, and its DNS or name servers.',
  mimeType: 'application/json',
};

/**
 * The audit log's recent lines, as written (their secrets were masked before they were written;
 * they are masked again here in case an older version wrote the file). A line that is not JSON
 * is counted, not shown. No log yet means no changes yet.
 */
export function recentAudit(path: string): Json {
  let text: string;
  try {
    text = readNoFollow(path);
  } catch (error) {
    if (isJson(error) && error.code === 'ENOENT') return { lines: [], note: 'no change has been recorded yet' };
    throw new ProtocolError(ProtocolErrorCode.InternalError, redact(`the audit log cannot be read: ${errorMessage(error)}`));
  }
  const tail = text.length > AUDIT_TAIL_BYTES ? text.slice(-AUDIT_TAIL_BYTES) : text;
  const rows = tail.split('\n');
  // A cut tail starts mid-line: that first piece is not a line.
  if (tail.length < text.length) rows.shift();
  const lines: Json[] = [];
  let unreadable = 0;
  for (const row of rows) {
    if (!row.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(row);
      if (isJson(parsed)) lines.push(maskSecretsIn(parsed));
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  const recent = lines.slice(-AUDIT_LINES);
  return { lines: recent, ...(lines.length > recent.length ? { earlier: `${lines.length - recent.length} earlier lines are in the audit log file` } : {}), ...(unreadable > 0 ? { unreadable_lines: unreadable } : {}) };
}

/** One domain: its details, then its DNS setting; a domain the account does not hold is a clear not-found. */
async function readDomain(setting: ResourceSetting, uri: string, raw: string, mcp: ServerContext): Promise<Json> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  const name = domainName.safeParse(decoded);
  if (!name.success) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${uri}: "${decoded}" is not a domain name such as example.com`);
  const ctx = requestContext(setting.ctx, mcp);
  try {
    const domain = await ctx.account.domain(name.data, ctx);
    return { ...domain, dns: await ctx.account.dnsSetting(name.data, ctx) };
  } catch (error) {
    if (error instanceof Api3Error && (error.code === 'not_found' || error.code === 'invalid_input' || error.code === 'permission_denied')) {
      throw new ResourceNotFoundError(uri, redact(`${name.data} is not a domain of this account (${error.message}); list_domain lists the account's domains`));
    }
    throw error;
  }
}

/** An api3 failure as the client reads it: the stable code, api3's message and the hint, with nothing secret. */
function protocolError(uri: string, error: unknown, cancelled: boolean): ProtocolError {
  if (error instanceof ProtocolError) return error;
  if (error instanceof Api3Error) {
    const agent = error.toAgent();
    return new ProtocolError(ProtocolErrorCode.InternalError, redact(`${uri}: ${agent.error}: ${agent.message}${agent.hint ? ` (${agent.hint})` : ''}`));
  }
  // A read the client gave up on ends however its api3 call did: nobody waits for the answer.
  if (!cancelled) log('error', `reading ${uri} failed unexpectedly: ${errorMessage(error)}`);
  return new ProtocolError(ProtocolErrorCode.InternalError, redact(`${uri}: internal error: ${errorMessage(error)}`));
}

/** resources/list, resources/templates/list and resources/read. */
export function registerResources(server: Server, setting: ResourceSetting): void {
  const served = STATIC.filter((entry) => entry.served(setting));
  const templates = [DOMAIN_RESOURCE];
  server.setRequestHandler('resources/list', () => ({ resources: served.map((entry) => entry.resource) }));
  server.setRequestHandler('resources/templates/list', () => ({ resourceTemplates: templates }));
  server.setRequestHandler('resources/read', async (request, mcp): Promise<ReadResourceResult> => {
    const uri = request.params.uri;
    const entry = served.find((candidate) => candidate.resource.uri === uri);
    const domain = DOMAIN_URI.exec(uri);
    if (!entry && !domain?.[1]) throw new ResourceNotFoundError(uri, `no resource ${uri}; resources/list and resources/templates/list name the ones served here`);
    let body: Json;
    try {
      body = entry ? await entry.read(setting, mcp) : await readDomain(setting, uri, domain?.[1] ?? '', mcp);
    } catch (error) {
      throw protocolError(uri, error, mcp.mcpReq.signal.aborted);
    }
    const text = JSON.stringify(maskSecretsIn({ ...body, ...setting.labels }));
    return { contents: [{ uri, mimeType: 'application/json', text }] };
  });
}

/** The kind of value a resource template's variable takes, for completion/complete. */
export function templateVariableKind(uriTemplate: string, variable: string): 'domain' | undefined {
  return uriTemplate === DOMAIN_TEMPLATE && variable === 'name' ? 'domain' : undefined;
}
