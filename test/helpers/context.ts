import type { Api3 } from '../../src/api3/client.js';
import type { ToolContext } from '../../src/server/define.js';
import { accountPort } from '../../tools/ports.js';

/** A tool context as the server builds one: this api3, and the catalog's account port. */
export function toolContext(api: Api3): ToolContext {
  return { api, account: accountPort };
}
