import { z } from 'zod';
import { apiParams, flagParam } from '../../src/api3/params.js';
import { type Api3ToolSpec, defineTool, type Effect, type PreviewOutcome, type ToolContext } from '../../src/server/define.js';
import type { Json } from '../../src/server/condense.js';
import type { FolderSummary } from '../../src/server/ports.js';
import { folderName, folderRef } from './folder.js';
import { givenValues, type ScopeOptions, scopedArgs, type SettingPayload, settingResultSchema } from './settings.js';

/**
 * The folder scope of the setting families (tools/shared/settings.ts): `set_folder_ns` and its
 * kin. A folder keeps a setting for its domains; api3's `enable` gives it to domains moved in
 * later (`apply_to_new`), and `sync` replaces it now on the domains already there. Only sync
 * touches live domains, so only sync is destructive: its preview names those domains and shows
 * what they have now, the confirmation binds all of them, and where reads can show the setting
 * (what the domains resolve to) the server snapshots it for restore_settings.
 */

/** The folder by id or exact name (api3 takes the id: a name is looked up first), and the two scope flags. */
const folderFields = {
  folder: folderName.optional(),
  folder_id: folderRef.folder_id,
  // What the two flags mean is said once, in the server's instructions.
  apply_to_new: z.boolean().optional(),
  sync: z.boolean().optional(),
};

type FolderInput<Shape extends z.ZodRawShape> = z.ZodObject<Shape & typeof folderFields>;

/** Domains a folder preview names one by one; the rest are counted (and bound all the same). */
const NAMED_DOMAINS = 20;

export interface FolderScopeOptions<Args> extends ScopeOptions<Args> {
  /**
   * What the folder's domains have now, shown and bound when sync replaces it: the domain scope's
   * preview of the same setting (tools/shared/service-preview.ts, write.ts).
   */
  domainsNow(domains: readonly string[], ctx: ToolContext, args: Args): Promise<PreviewOutcome>;
  /** For a payload that does harm only with some values (renew option: do_not_renew); default: sync alone. */
  effect?: Effect;
  needsConfirm?(args: Args): boolean;
  /** Whether a synced call changes what the domains resolve to, so a snapshot is taken; default: the payload says. */
  changesResolution?(args: Args): boolean;
}

export function forFolder<Shape extends z.ZodRawShape>(
  payload: SettingPayload<Shape>,
  options: FolderScopeOptions<z.infer<FolderInput<Shape>>>,
): Api3ToolSpec<FolderInput<Shape>, typeof settingResultSchema> {
  const input: FolderInput<Shape> = z.object({ ...payload.fields, ...folderFields }).refine((args: Record<string, unknown>) => args.folder !== undefined || args.folder_id !== undefined, {
    message: 'give the folder by name (folder) or by id (folder_id)',
    path: ['folder'],
  });
  const read = scopedArgs(folderFields, payload);
  const { domainsNow, effect, needsConfirm, changesResolution, ...scope } = options;
  const snapshots = changesResolution ?? (() => payload.changesResolution === true);
  const synced = async (args: z.infer<FolderInput<Shape>>, ctx: ToolContext) => {
    const folder = await ctx.account.folder(read(args).scope, ctx);
    return { folder, domains: await ctx.account.folderDomains(folder.id, ctx) };
  };
  return defineTool<FolderInput<Shape>, typeof settingResultSchema, FolderSummary | undefined>({
    ...scope,
    effect: effect ?? (payload.replacesLive ? 'destructive' : 'write'),
    idempotent: true,
    input,
    output: settingResultSchema,
    needsConfirm: (args) => read(args).scope.sync === true && (needsConfirm ? needsConfirm(args) : payload.replacesLive),
    async preview(args, ctx) {
      const { folder, domains } = await synced(args, ctx);
      const now: PreviewOutcome = domains.length > 0 ? await domainsNow(domains, ctx, args) : { facts: {} };
      const facts: Json = {
        folder,
        synced_domains: domains.slice(0, NAMED_DOMAINS),
        ...(domains.length > NAMED_DOMAINS ? { and_more_synced: domains.length - NAMED_DOMAINS } : {}),
        ...now.facts,
        ...(domains.length === 0 ? { note: 'The folder has no domains now: sync changes none.' } : {}),
      };
      return { facts, bound: { domains, ...now.bound }, ...(now.refusals ? { refusals: now.refusals } : {}) };
    },
    snapshotOf: async (args, ctx) => (read(args).scope.sync && snapshots(args) ? (await synced(args, ctx)).domains : []),
    // api3's parameter list spells set_folder_ns's folder `fold_id` and set_folder_hosting's sync
    // `even`; its examples (and every other folder command) say `folder_id` and `sync`, which is
    // what the example answers were given for, so the examples' spelling is sent.
    before: (args, ctx) => {
      const where = read(args).scope;
      return where.folder === undefined ? Promise.resolve(undefined) : ctx.account.folder(where, ctx);
    },
    toApi: (args, folder) => {
      const { scope: where, values } = read(args);
      return apiParams({ folder_id: folder?.id ?? where.folder_id }, payload.toApi(values), {
        enable: flagParam.yesNo(where.apply_to_new),
        sync: flagParam.yesNo(where.sync),
      });
    },
    condense: (_body, args, folder) => {
      const { scope: where, values } = read(args);
      return { done: true, folder_id: folder?.id ?? where.folder_id, changed: givenValues(values) };
    },
  });
}
