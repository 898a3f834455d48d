import { ownedDomainList } from '../domains-util.js';
import { required, SimFailure, type SimHandlers } from '../types.js';

export const resellerHandlers: SimHandlers = {
  /** Tags domains with a reseller's customer id; list_domain's customer_id filter then finds them. */
  set_customer_id: {
    root: 'SetCustomerIdResponse',
    handle(params, { account }) {
      const id = required(params, 'customer_id');
      if (!/^\d+$/.test(id)) throw new SimFailure('invalid customer_id');
      // Every domain checked before any is changed: a refused request changes nothing.
      const domains = ownedDomainList(account, required(params, 'domain'));
      for (const domain of domains) domain.customerId = Number(id);
      return { ResponseCode: 0, Status: 'success', SetCustomerIdSuccess: domains.map((d) => ({ Domain: d.name, CustomerId: Number(id) })) };
    },
  },
};
