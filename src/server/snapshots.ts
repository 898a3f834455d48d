import { Api3Error } from '../api3/errors.js';
import { errorMessage } from '../log.js';
import type { Json } from './condense.js';
import type { AnyToolSpec, ToolContext } from './define.js';
import { maskSensitive } from './sensitive.js';

/**
 * Before a call that replaces live settings, the settings it replaces are read and saved (the
 * undo of issue 10). A snapshot that cannot be read or written stops the call: nothing is sent,
 * because a change that cannot be undone was not what the user was promised.
 */
export async function snapshotBefore(spec: AnyToolSpec, args: Json, ctx: ToolContext): Promise<string | undefined> {
  if (!spec.snapshotOf || !ctx.store) return undefined;
  const domains = await spec.snapshotOf(args, ctx);
  if (domains.length === 0) return undefined;
  // In bulk, as the preview read them (in this call, the same reads): a domain the bulk read
  // does not find is read alone, so api3 says why.
  const current = await ctx.account.dnsSettings(domains, ctx);
  const settings: Record<string, Json> = {};
  for (const domain of domains) settings[domain] = current.get(domain) ?? (await ctx.account.dnsSetting(domain, ctx));
  try {
    return (await ctx.store.record(spec.name, maskSensitive(spec, args), settings)).id;
  } catch (error) {
    // A shared state store that cannot be reached says so itself (upstream_unavailable).
    if (error instanceof Api3Error) throw error;
    throw new Api3Error('api_error', `could not save the snapshot of the current settings (${errorMessage(error)}); nothing was sent`, {
      hint: 'The state folder (DYNADOT_STATE_DIR) must be writable by this server; fix it, or the change cannot be undone later.',
    });
  }
}
