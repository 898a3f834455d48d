import { z } from 'zod';
import { errorWithHint } from '../../src/api3/errors.js';
import type { FolderRef } from '../../src/server/ports.js';
import { id, idOut, plainText } from '../../src/server/schemas.js';

/**
 * A folder as the folder tools take it: by id or by its exact name (the folder-settings tools
 * take it the same way), and a folder as folder_list condenses it. resolveFolder in
 * tools/folders/folder_list.ts reads the account's folders and finds the one a reference names.
 */
export const folderName = plainText(100).refine((name) => name.trim() !== '', { message: 'must not be empty' });

export const folderRef = { folder: folderName.describe('Exact name').optional(), folder_id: id().optional() };

/** An input with `folderRef` and `shape`: one of folder or folder_id is needed. */
export function withFolder<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...folderRef, ...shape })
    .refine((args: Record<string, unknown>) => args.folder !== undefined || args.folder_id !== undefined, { message: 'give the folder by name (folder) or by id (folder_id)', path: ['folder'] });
}

export const folderSchema = z.object({
  id: idOut,
  name: z.string(),
  domains: z.number().optional(),
  settings: z
    .object({
      contacts: z.record(z.string(), idOut).optional(),
      name_servers: z.record(z.string(), z.unknown()).optional(),
      renew_option: z.string().optional(),
      locked: z.boolean().optional(),
    })
    .optional(),
});
export type CondensedFolder = z.infer<typeof folderSchema>;

export type { FolderRef } from '../../src/server/ports.js';

const HINT = 'folder_list lists every folder with its id; names are exact and case-sensitive.';

/** The folder a reference names among `folders`; not_found (naming folder_list) when there is none, invalid_input when name and id disagree. */
export function findFolder(folders: readonly CondensedFolder[], ref: FolderRef): CondensedFolder {
  const byId = ref.folder_id === undefined ? undefined : folders.find((f) => f.id === ref.folder_id);
  const byName = ref.folder === undefined ? undefined : folders.find((f) => f.name === ref.folder);
  if (ref.folder_id !== undefined && !byId) throw errorWithHint('not_found', `no folder with id ${ref.folder_id}`, HINT);
  if (ref.folder !== undefined && !byName) throw errorWithHint('not_found', `no folder named "${ref.folder}"`, HINT);
  if (byId && byName && byId !== byName) {
    throw errorWithHint('invalid_input', `folder "${ref.folder}" has id ${byName.id}, not ${ref.folder_id}`, 'Give the folder by name or by id.');
  }
  const found = byId ?? byName;
  if (!found) throw errorWithHint('invalid_input', 'give the folder by name (folder) or by id (folder_id)');
  return found;
}
