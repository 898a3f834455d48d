import type { AnyToolSpec } from '../../src/server/define.js';
import listSnapshots from './list_snapshots.js';
import restoreSettings from './restore_settings.js';

export const undoTools: AnyToolSpec[] = [listSnapshots, restoreSettings];
