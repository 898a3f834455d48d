import { z } from 'zod';
import { domainName } from '../../src/server/schemas.js';

/**
 * set_afternic_confirm_action and set_sedo_confirm_action: approving a fast-transfer sale a venue
 * found moves the domain to its buyer, out of this account; declining takes it off the venue.
 */
export const fastTransferInput = z.object({ domain: domainName, approve: z.boolean() });
export const fastTransferOutput = z.object({ domain: z.string(), approved: z.boolean() });

/** The facts a person approves on: the domain as it is now, and where it goes. */
export function fastTransferFacts(venue: string, approve: boolean, domain: { expires?: string | undefined; locked?: boolean | undefined }) {
  return {
    expires: domain.expires,
    locked: domain.locked,
    outcome: approve
      ? `The sale goes through: the domain is transferred to the ${venue} buyer and leaves this account; ${venue} pays out the proceeds.`
      : `The domain is taken off ${venue}: this sale does not happen.`,
  };
}
