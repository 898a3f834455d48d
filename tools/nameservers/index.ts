import type { AnyToolSpec } from '../../src/server/define.js';
import addNs from './add_ns.js';
import deleteNs from './delete_ns.js';
import deleteNsByDomain from './delete_ns_by_domain.js';
import getNs from './get_ns.js';
import registerNs from './register_ns.js';
import serverList from './server_list.js';
import setNs from './set_ns.js';
import setNsIp from './set_ns_ip.js';

export const nameserversTools: AnyToolSpec[] = [
  getNs,
  serverList,
  setNs,
  addNs,
  registerNs,
  setNsIp,
  deleteNs,
  deleteNsByDomain,
];
