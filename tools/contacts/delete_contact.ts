import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { defineTool, invokeRead } from '../../src/server/define.js';
import { id, idOut } from '../../src/server/schemas.js';
import { contactUse, describeUse } from '../shared/contact.js';
import contactList from './contact_list.js';

const input = z.object({
  contact_ids: z
    .array(id())
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each contact id may appear only once' }),
});

export default defineTool({
  name: 'delete_contact',
  toolset: 'contacts',
  title: 'Delete contacts',
  description: 'Delete contacts. Refused while a domain uses one (the preview names them).',
  effect: 'destructive',
  input,
  output: z.object({ deleted: z.array(idOut) }),
  toApi: (args) => apiParams({ contact_id: commaList(args.contact_ids.map(String)) }),
  condense: (_body, args) => ({ deleted: args.contact_ids }),
  async preview(args, ctx) {
    const contacts = new Map((await invokeRead(contactList, {}, ctx)).items.map((c) => [c.id, c]));
    const use = await contactUse(ctx);
    const refusals: string[] = [];
    const unknown = args.contact_ids.filter((contactId) => !contacts.has(contactId));
    if (unknown.length > 0) refusals.push(`no contact ${unknown.join(', ')} in this account: contact_list shows the ids`);
    for (const contactId of args.contact_ids) {
      const uses = use.get(contactId) ?? [];
      if (uses.length === 0) continue;
      const name = contacts.get(contactId)?.name;
      refusals.push(`contact ${contactId}${name ? ` (${name})` : ''} is used by ${describeUse(uses)}: give those domains another contact first (set_whois)`);
    }
    return {
      facts: { contacts: args.contact_ids.flatMap((contactId) => contacts.get(contactId) ?? []), note: 'Deleted contacts cannot be restored.' },
      ...(refusals.length > 0 ? { refusals } : {}),
    };
  },
});
