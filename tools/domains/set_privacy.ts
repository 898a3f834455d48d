import { z } from 'zod';
import { apiParams, commaList } from '../../src/api3/params.js';
import { defineTool } from '../../src/server/define.js';
import { domainList } from '../../src/server/schemas.js';
import { changed, changedSchema, currentValuePreview, inTerms, PRIVACY_TERMS } from '../shared/write.js';

const input = z.object({ domains: domainList(100), privacy: z.enum(['full', 'partial', 'off']) });
type Input = z.infer<typeof input>;

const toApi = (args: Input) => apiParams({ domain: commaList(args.domains), option: args.privacy });
const condense = (_body: unknown, args: Input) => changed(args.domains, { privacy: args.privacy });

export default defineTool({
  name: 'set_privacy',
  toolset: 'domains',
  title: 'Set WHOIS privacy',
  description: 'Set WHOIS privacy of domains: full hides contact details, partial some; off publishes them.',
  // Publishing the owner's name, address and phone cannot be taken back: off alone needs approval.
  effect: 'destructive',
  idempotent: true,
  input,
  output: changedSchema,
  needsConfirm: (args) => args.privacy === 'off',
  toApi,
  condense,
  previous: { domains: (args) => args.domains, of: (d) => ({ privacy: inTerms(PRIVACY_TERMS, d.privacy) }) },
  preview: (args, ctx) =>
    currentValuePreview(
      args.domains,
      ctx,
      (d) => ({ privacy: inTerms(PRIVACY_TERMS, d?.privacy) }),
      "WHOIS will show the registrant's name, address, email and phone to anyone; copies made meanwhile cannot be recalled.",
    ),
});
