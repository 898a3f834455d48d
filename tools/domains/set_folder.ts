import { z } from 'zod';
import { apiParams } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { domainName, id, idOut, plainText } from '../../src/server/schemas.js';
import { resolveFolder } from '../folders/folder_list.js';

const input = z
  .object({
    domain: domainName,
    folder: plainText(100).min(1).optional().describe('Exact name; "Default": none'),
    folder_id: id().optional(),
  })
  .refine((args) => args.folder !== undefined || args.folder_id !== undefined, { message: 'give the folder by name (folder) or by id (folder_id)', path: ['folder'] });
type Input = z.infer<typeof input>;

export default defineTool({
  name: 'set_folder',
  toolset: 'domains',
  title: 'Move a domain to a folder',
  description: 'Move a domain into a folder; it takes the settings the folder gives new arrivals.',
  effect: 'write',
  idempotent: true,
  input,
  output: z.object({ done: z.literal(true), domain: z.string(), folder: z.string().optional(), folder_id: idOut.optional() }),
  /**
   * The folder is looked up before the move (one folder_list read), so an unknown one is
   * not_found pointing at folder_list whatever api3's wording, and nothing is sent.
   */
  async before(args: Input, ctx) {
    const folder = args.folder === 'Default' ? undefined : args.folder;
    if (folder !== undefined || args.folder_id !== undefined) await resolveFolder({ folder, folder_id: args.folder_id }, ctx);
  },
  // The document's `folder` (a name) and its optional `folder_id`, as given.
  toApi: (args: Input) => apiParams({ domain: args.domain, folder: args.folder, folder_id: args.folder_id }),
  condense: (_body, args) => ({
    done: true as const,
    domain: args.domain,
    ...(args.folder === undefined ? {} : { folder: args.folder }),
    ...(args.folder_id === undefined ? {} : { folder_id: args.folder_id }),
  }),
});
