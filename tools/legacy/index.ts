import type { AnyToolSpec } from '../../src/server/define.js';
import getOpenBackorderAuctions from './get_open_backorder_auctions.js';

export const legacyTools: AnyToolSpec[] = [getOpenBackorderAuctions];
