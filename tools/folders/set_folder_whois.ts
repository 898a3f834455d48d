import { forFolder } from '../shared/folder-settings.js';
import { whois } from '../shared/settings.js';
import { everyDomain, perDomain } from '../shared/write.js';

export default forFolder(whois, {
  name: 'set_folder_whois',
  toolset: 'folders',
  title: 'Set folder WHOIS contacts',
  description: "Set a folder's WHOIS contacts.",
  /** Each synced domain's contact ids by role, from one verbose list_domain read. */
  async domainsNow(domains, ctx) {
    const found = await ctx.account.domains({ names: domains, verbose: true }, ctx);
    const contacts = (domain: string) => ({ contacts: found.get(domain)?.contacts ?? {} });
    return {
      facts: { ...perDomain(domains, contacts), note: 'A new registrant may lock a gTLD domain against transfers for 60 days (ICANN).' },
      bound: everyDomain(domains, contacts),
    };
  },
});
