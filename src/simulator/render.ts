import type { NameServerSetting, SimContact, SimDomain } from './state.js';

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
  }
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function renderDomain(domain: SimDomain, folderName = '(no folder)'): Record<string, unknown> {
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
    Folder: { FolderId: String(domain.folderId), FolderName: domain.folderId === -1 ? '(no folder)' : folderName },
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
