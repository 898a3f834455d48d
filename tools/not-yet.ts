import type { ToolsetName } from '../src/server/toolsets.js';

/**
 * The api3 commands of the document that no tool serves yet, each with the toolset its tool will
 * belong to. test/unit/catalog-files.test.ts holds this list to the document and the catalog:
 * every command is either served or here, never both. The README's "Not yet served" section is
 * generated from it. Serving a command means taking it off this list.
 */
export const NOT_YET: ReadonlyArray<{ command: string; toolset: ToolsetName }> = [
  // domains
  // dns
  // nameservers
  // transfers
  // folders
  // defaults
  // orders
  // reseller
  // legacy: deprecated by the document in favour of another command
];
