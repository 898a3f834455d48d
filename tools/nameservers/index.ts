import type { AnyToolSpec } from '../../src/server/define.js';
import getNs from './get_ns.js';
import serverList from './server_list.js';
import setNs from './set_ns.js';

export const nameserversTools: AnyToolSpec[] = [
  getNs,
  serverList,
  setNs,
];
