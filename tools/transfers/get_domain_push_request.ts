import { z } from 'zod';
import { asList, isJson, type Json, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';

/** `"[a.com,b.com]"` (the document's JSON), a list, or `PushDomain` objects (its XML): the names. */
export function pushedDomains(body: Json): string[] {
  const raw = body.pushDomainName ?? body.PushDomainName ?? body.PushDomain;
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(',') : asList(raw);
  return items
    .map((item: unknown) => (isJson(item) ? text(item.PushDomainName) : text(item)))
    .map((name) => name?.trim().toLowerCase())
    .filter((name): name is string => name !== undefined && name !== '');
}

export default defineTool({
  name: 'get_domain_push_request',
  toolset: 'transfers',
  title: 'Incoming pushes',
  description: 'Domains other accounts push to this one, to accept or decline.',
  effect: 'read',
  input: z.object({}),
  output: z.object({ domains: z.array(z.string()) }),
  toApi: () => ({}),
  condense: (body) => ({ domains: pushedDomains(body) }),
});
