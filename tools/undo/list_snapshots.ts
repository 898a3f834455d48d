import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { defineComposite, type ToolContext } from '../../src/server/define.js';
import { domainName } from '../../src/server/schemas.js';
import type { StateStore } from '../../src/server/state-store.js';

/** The server's snapshot store; a server that keeps no state says so rather than listing nothing. */
export function storeOf(ctx: ToolContext): StateStore {
  if (!ctx.store) {
    throw new Api3Error('api_error', 'this server keeps no state: no snapshots were taken, so none can be listed or restored', {
      hint: 'this server keeps no state: DYNADOT_STATE_DIR names the folder for snapshots; whoever runs the server sets it.',
    });
  }
  return ctx.store;
}

/**
 * The snapshots the server saved before replacing live settings (DNS records, name servers,
 * parking), newest first: what restore_settings can put back. Reads the local state folder
 * only; nothing is sent to Dynadot.
 */
export default defineComposite({
  name: 'list_snapshots',
  toolset: 'undo',
  everyday: true,
  title: 'List snapshots',
  description: 'Snapshots of DNS, name servers or parking taken before each change, newest first, for restore_settings.',
  effect: 'read',
  input: z.object({
    domain: domainName.optional(),
    limit: z.int().min(1).max(100).default(20),
  }),
  output: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        time: z.string().describe('ISO 8601 UTC'),
        tool: z.string().describe('the call that replaced the settings'),
        domains: z.array(z.string()),
        summary: z.string(),
      }),
    ),
    has_more: z.boolean(),
    skipped: z
      .array(z.object({ file: z.string(), why: z.string() }))
      .optional()
      .describe('files in the snapshots folder that could not be read as snapshots'),
  }),
  async run(args, ctx) {
    // One more than asked tells whether there are more.
    const { items, skipped } = storeOf(ctx).list({ ...(args.domain ? { domain: args.domain } : {}), limit: args.limit + 1 });
    return { items: items.slice(0, args.limit), has_more: items.length > args.limit, ...(skipped.length > 0 ? { skipped } : {}) };
  },
});
