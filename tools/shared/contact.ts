import { z } from 'zod';
import { flag, idNumber, type Json, prune, text } from '../../src/server/condense.js';
import { idOut } from '../../src/server/schemas.js';

export const contactSchema = z.object({
  id: idOut.optional(),
  name: z.string().optional(),
  organization: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional().describe('+cc number'),
  fax: z.string().optional(),
  address: z.array(z.string()).optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  gtld_verified: z.boolean().optional(),
});

const phone = (cc: unknown, num: unknown) => {
  const n = text(num);
  if (n === undefined) return undefined;
  const c = text(cc);
  return c ? `+${c} ${n}` : n;
};

export function condenseContact(raw: Json): z.infer<typeof contactSchema> {
  return prune({
    id: idNumber(raw.ContactId),
    name: text(raw.Name),
    organization: text(raw.Organization),
    email: text(raw.Email),
    phone: phone(raw.PhoneCc, raw.PhoneNum),
    fax: phone(raw.FaxCc, raw.FaxNum),
    address: [text(raw.Address1), text(raw.Address2)].filter((line): line is string => line !== undefined),
    city: text(raw.City),
    state: text(raw.State),
    zip: text(raw.ZipCode),
    country: text(raw.Country),
    gtld_verified: flag(raw.GtldVerified),
  });
}
