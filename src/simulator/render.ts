import type { DomainSettings, NameServerSetting, SimAccount, SimContact, SimDomain } from './state.js';

/** The shapes api3 uses for the objects several commands share, as in the document's examples. */
export function renderNameServerSettings(setting: NameServerSetting): Record<string, unknown> {
  switch (setting.kind) {
    case 'parking':
      return { Type: 'Dynadot Parking', WithAds: setting.withAds ? 'Yes' : 'No' };
    case 'nameservers':
      return { Type: 'Name Servers', NameServers: setting.hosts.map((host) => ({ ServerId: '', ServerName: host })) };
    case 'dns':
      return {
        Type: 'Dynadot DNS',
        MainDomains: setting.main.map((r) => ({ RecordType: r.type.toUpperCase(), Value: r.value, Value2: r.extra ?? '' })),
        SubDomains: setting.sub.map((r) => ({ Subhost: r.subhost, RecordType: r.type.toUpperCase(), Value: r.value, Value2: r.extra ?? '' })),
        TTL: String(setting.ttl),
      };
    // The document shows no example of these three; tools/shared/domain.ts reads `Type` and the target.
    case 'forwarding':
      return { Type: 'Forwarding', ForwardTo: setting.url };
    case 'stealth':
      return { Type: 'Stealth Forwarding', ForwardTo: setting.url };
    case 'hosting':
      return { Type: 'Dynadot Hosting' };
  }
}

/** set_folder_ns / set_default_ns: the hosts now set, with their server ids (`SetDefaultNsContent`). */
export function renderServers(account: SimAccount, hosts: readonly string[]): Record<string, unknown> {
  const ids = new Map([...account.servers.values()].map((s) => [s.name, String(s.id)]));
  return { Servers: hosts.map((host) => ({ ServerName: host, ServerId: ids.get(host) ?? '' })) };
}

/** account_info's `DefaultSettings`: the contacts and name server setting new domains get. */
export function renderDefaults(defaults: DomainSettings): Record<string, unknown> {
  const id = (contactId: number) => ({ ContactId: String(contactId) });
  return {
    DefaultWhois: {
      DefaultRegistrant: id(defaults.contacts.registrant),
      DefaultAdmin: id(defaults.contacts.admin),
      DefaultTechnical: id(defaults.contacts.technical),
      DefaultBilling: id(defaults.contacts.billing),
    },
    DefaultNameServerSettings: renderNameServerSettings(defaults.nameServers),
  };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function renderDomain(domain: SimDomain, folderName?: string): Record<string, unknown> {
  return {
    Name: domain.name,
    Expiration: String(domain.expiration),
    Registration: String(domain.registration),
    NameServerSettings: renderNameServerSettings(domain.nameServers),
    Whois: {
      Registrant: { ContactId: String(domain.contacts.registrant) },
      Admin: { ContactId: String(domain.contacts.admin) },
      Technical: { ContactId: String(domain.contacts.technical) },
      Billing: { ContactId: String(domain.contacts.billing) },
    },
    Locked: yesNo(domain.locked),
    Disabled: yesNo(domain.disabled),
    UdrpLocked: 'no',
    RegistrantUnverified: 'no',
    Hold: yesNo(domain.hold),
    Privacy: domain.privacy,
    isForSale: yesNo(domain.forSale),
    RenewOption: domain.renewOption,
    Note: domain.note,
    Folder: { FolderId: String(domain.folderId), FolderName: domain.folderId === -1 ? '(no folder)' : (folderName ?? '') },
  };
}

export function renderContact(contact: SimContact): Record<string, unknown> {
  return {
    ContactId: String(contact.id),
    Organization: contact.organization,
    Name: contact.name,
    Email: contact.email,
    PhoneCc: contact.phoneCc,
    PhoneNum: contact.phoneNum,
    FaxCc: contact.faxCc,
    FaxNum: contact.faxNum,
    Address1: contact.address1,
    Address2: contact.address2,
    City: contact.city,
    State: contact.state,
    ZipCode: contact.zip,
    Country: contact.country,
    GtldVerified: yesNo(contact.gtldVerified),
  };
}
