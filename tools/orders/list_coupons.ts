import { z } from 'zod';
import { asJson, asList, epochToIso, idNumber, type Json, money, type Money, prune, text } from '../../src/server/condense.js';
import { defineTool } from '../../src/server/define.js';
import { moneySchema } from '../../src/server/schemas.js';

/** `{ Percentage: "10%" }` or an amount per currency (`{ USD: "5.00", EUR: "4.50" }`). */
function discountOf(info: Json) {
  const percent = text(info.Percentage);
  const amounts = Object.entries(info)
    .filter(([key]) => /^[A-Z]{3}$/.test(key))
    .map(([key, value]) => money(value, key))
    .filter((m): m is Money => m !== undefined);
  return { percent: percent === undefined ? undefined : Number.parseFloat(percent), amounts };
}

function condenseCoupon(raw: Json) {
  const restriction = asJson(raw.Restriction);
  // No TLDs listed: the coupon is for any TLD, and the answer says so by leaving `tlds` out.
  const tlds = (Array.isArray(restriction.Tlds) ? restriction.Tlds : [restriction.Tlds]).map(text).filter((t) => t !== undefined);
  return prune({
    code: text(raw.Code),
    description: text(raw.Description),
    applies_to: {
      type: text(raw.CouponType),
      tlds: tlds.map((t) => t.replace(/^\./, '').toLowerCase()),
      years: { min: idNumber(restriction.DomainDurationMin), max: idNumber(restriction.DomainDurationMax) },
    },
    discount: discountOf(asJson(raw.DiscountInfo)),
    expires: epochToIso(raw.EndDate),
  });
}

export default defineTool({
  name: 'list_coupons',
  toolset: 'orders',
  title: 'Coupons',
  description: 'Coupons of a kind: discount, TLDs, years, expiry.',
  effect: 'read',
  input: z.object({ type: z.enum(['registration', 'renewal', 'transfer']) }),
  output: z.object({
    coupons: z.array(
      z
        .object({
          code: z.string(),
          description: z.string(),
          applies_to: z.object({ type: z.string(), tlds: z.array(z.string()), years: z.object({ min: z.number(), max: z.number() }).partial() }).partial(),
          discount: z.object({ percent: z.number(), amounts: z.array(moneySchema) }).partial(),
          expires: z.string(),
        })
        .partial(),
    ),
  }),
  toApi: (args) => ({ coupon_type: args.type }),
  condense: (body) => ({ coupons: asList(body.Coupons).map(condenseCoupon) }),
});
