import { forFolder } from '../shared/folder-settings.js';
import { renewOption } from '../shared/settings.js';
import { currentValuePreview, inTerms, RENEW_TERMS } from '../shared/write.js';

export default forFolder(renewOption, {
  name: 'set_folder_renew_option',
  toolset: 'folders',
  title: 'Set folder renew option',
  description: "Set a folder's renew option.",
  // As on domains (set_renew_option): letting synced domains lapse is the one value that needs approval.
  effect: 'destructive',
  needsConfirm: (args) => args.renew_option === 'do_not_renew',
  domainsNow: (domains, ctx) =>
    currentValuePreview(
      domains,
      ctx,
      (d) => ({ renew_option: inTerms(RENEW_TERMS, d?.renew_option) }),
      'Not renewed at expiry: the domains lapse and may be lost to anyone after their grace periods.',
    ),
});
