import type { AnyToolSpec } from '../../src/server/define.js';
import authorizeTransferAway from './authorize_transfer_away.js';
import cancelTransfer from './cancel_transfer.js';
import getDomainPushRequest from './get_domain_push_request.js';
import getTransferAuthCode from './get_transfer_auth_code.js';
import getTransferStatus from './get_transfer_status.js';
import push from './push.js';
import setDomainPushRequest from './set_domain_push_request.js';
import setTransferAuthCode from './set_transfer_auth_code.js';
import transfer from './transfer.js';

export const transfersTools: AnyToolSpec[] = [
  transfer,
  getTransferStatus,
  setTransferAuthCode,
  cancelTransfer,
  getTransferAuthCode,
  authorizeTransferAway,
  push,
  getDomainPushRequest,
  setDomainPushRequest,
];
