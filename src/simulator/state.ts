/**
 * The simulated account: everything api3 would know about one customer. Handlers read and
 * change it; it lives as long as its simulator. Seeded relative to `now` so "expires this
 * month" questions have answers whatever day the demo runs.
 */
export interface DnsRecord {
  type: string;
  value: string;
  /** MX distance, forward type, stealth title or email alias, as api3's `recordx`. */
  extra?: string;
}
export interface SubRecord extends DnsRecord {
  subhost: string;
}

/** What a domain resolves to: one of these at a time, as api3's `NameServerSettings` has one `Type`. */
export type NameServerSetting =
  | { kind: 'parking'; withAds: boolean }
  | { kind: 'nameservers'; hosts: string[] }
  | { kind: 'dns'; main: DnsRecord[]; sub: SubRecord[]; ttl: number }
  | { kind: 'forwarding'; url: string; permanent: boolean }
  | { kind: 'stealth'; url: string; title: string }
  | { kind: 'hosting'; hostingType: 'basic' | 'advanced'; mobileView: boolean };

/** Email for the domain's addresses: none, mailbox -> address forwards, or other mail hosts. */
export type EmailForward =
  | { kind: 'none' }
  | { kind: 'forward'; forwards: Array<{ username: string; to: string }> }
  | { kind: 'mx'; hosts: Array<{ host: string; distance: number }> };

export type RenewOption = 'no renew option' | 'auto renew' | 'do not renew';

export interface Contacts {
  registrant: number;
  admin: number;
  technical: number;
  billing: number;
}

/**
 * The settings api3 sets in three scopes (a domain list, a folder, the account default): what a
 * domain has, what a folder keeps for its domains, what a new domain starts with.
 */
export interface DomainSettings {
  contacts: Contacts;
  nameServers: NameServerSetting;
  renewOption: RenewOption;
  emailForward: EmailForward;
}

/** A folder's setting for its domains; `enabled`: also given to domains moved in later. */
export interface FolderSetting<T> {
  value: T;
  enabled: boolean;
}

export interface SimFolder {
  id: number;
  name: string;
  settings: { [S in keyof DomainSettings]?: FolderSetting<DomainSettings[S]> };
}

export interface SimDomain {
  name: string;
  registration: number;
  expiration: number;
  /** Renewed or moved domains can no longer be deleted for a refund. */
  renewed: boolean;
  /** set_customer_id (resellers): the reseller's customer this domain is kept for. */
  customerId?: number;
  locked: boolean;
  disabled: boolean;
  hold: boolean;
  privacy: 'none' | 'partial' | 'full';
  renewOption: RenewOption;
  note: string;
  folderId: number;
  forSale: boolean;
  contacts: Contacts;
  nameServers: NameServerSetting;
  emailForward: EmailForward;
  /** set_dnssec: the DS record or DNSKEY given to the registry, as api3 takes its numbers; absent: unsigned. */
  dnssec?: SimDnssec;
}

/** One DNSSEC key of a domain: a DS record (option 1) or a DNSKEY (option 2) of the document. */
export type SimDnssec =
  | { kind: 'ds'; algorithm: number; keyTag: number; digestType: number; digest: string }
  | { kind: 'dnskey'; algorithm: number; flags: number; publicKey: string };

export interface SimContact {
  id: number;
  organization: string;
  name: string;
  email: string;
  phoneCc: string;
  phoneNum: string;
  faxCc: string;
  faxNum: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  gtldVerified: boolean;
  /** set_contact_eu_setting: the EU/EEA state of citizenship (.eu). */
  euCitizenship?: string;
  /** set_contact_lv_setting (.lv). */
  lv?: { registrationNumber: string; vatNumber: string };
  /** create_cn_audit and where it stands (get_cn_audit_status). */
  cnAudit?: SimCnAudit;
}

/** A contact's CNNIC real-name audit: api3's `contact_type` and its status words. */
export interface SimCnAudit {
  contactType: 'Individual' | 'Enterprise';
  status: 'processing' | 'waiting for cnnic' | 'failed' | 'pass';
  failedReason?: string;
}

export interface SimServer {
  id: number;
  name: string;
  ips: string[];
}

export interface TldPrice {
  tld: string;
  register: number;
  renew: number;
  transfer: number;
  restore: number;
  privacy: number;
  usage: string;
  idn: boolean;
}

/** One line of an order, with api3's item type words (`Domain Registration`, `Domain Renewal`). */
export interface SimOrderItem {
  type: string;
  name: string;
  years: number;
  cost: number;
  /** Completed, Cancelled, Problem, or Processing while its order is pending. */
  status: string;
}

/** A purchase: one per register or renew call, one for a whole bulk_register. */
export interface SimOrder {
  id: number;
  created: number;
  /** The document's payment_method word; the simulator pays everything from the balance. */
  paymentMethod: string;
  total: number;
  /** api3's order status: Submitted, Processing (pending), Completed, Problem, ... */
  status: string;
  items: SimOrderItem[];
}

/** A coupon of list_coupons; register, renew and bulk_register take it by code. */
export interface SimCoupon {
  code: string;
  description: string;
  /** The coupon_type list_coupons filters on. */
  type: 'registration' | 'renewal' | 'transfer';
  off: { amount: number } | { percent: number };
  /** Without a dot; empty: every TLD. */
  tlds: string[];
  years: { min: number; max: number };
  start: number;
  end: number;
}

/**
 * A transfer into this account (an order with api3's status words: `none` until the registry
 * starts it, `waiting` while it runs, `auth code needed` after a refused code, then `completed`
 * or `cancelled`), or a request of another registrar to take one of its domains away
 * (`pending` until authorize_transfer_away approves or denies it).
 */
export interface SimTransfer {
  direction: 'in' | 'away';
  domain: string;
  orderId: number;
  status: string;
  /** When the status last changed: the simulator's clock moves a transfer on from it. */
  since: number;
  /** A transfer in: the code it was given (set_transfer_auth_code replaces it). */
  authCode?: string;
  /** A transfer in: what the domain gets once it arrives. */
  nameServers?: string[];
  contacts?: Partial<Contacts>;
  privacy?: 'full' | 'none';
}

/** A push to another account's push username: each domain waits for the receiver's accept or decline. */
export interface SimPush {
  orderId: number;
  sender: string;
  receiver: string;
  created: number;
  items: Array<{ domain: string; status: 'sent' | 'accepted' | 'declined' }>;
}

/** An auction of the aftermarket; `type` is api3's auction type word. Prices in USD. */
export interface SimAuction {
  id: number;
  domain: string;
  type: 'expired' | 'user' | 'backorder' | 'registry_expired' | 'registrar';
  start: number;
  end: number;
  /** The current bid (the starting price before any bid). */
  price: number;
  bids: number;
  bidders: number;
  /** The highest amount the other bidders' proxy bids go to; 0: nobody else bids. */
  rivalMax: number;
  visitors: number;
  revenue: number;
  renewal: number;
  /** This account's place in it, once it bid. */
  you?: { high: boolean; bid: number; proxy: number; orderId: number };
  history: Array<{ you: boolean; price: number; at: number }>;
  /** Open until its end time; then won (by this account) or lost. */
  state: 'open' | 'won' | 'lost';
}

/** A backorder request: Dynadot tries to catch the name when it drops; the account pays only if caught. */
export interface SimBackorder {
  domain: string;
  /** The drop date; until `cutoff` the request can still be deleted. */
  drop: number;
  cutoff: number;
  status: 'Active' | 'In Auction' | 'Won' | 'Lost';
}

/** An expired domain sold at a fixed price until `end`, once. */
export interface SimCloseout {
  domain: string;
  price: number;
  renewal: number;
  end: number;
  revenue: number;
}

/** A marketplace listing: another seller's name (buy it now), or this account's own (set_for_sale). */
export interface SimListing {
  id: number;
  domain: string;
  /** 0: offers only, no buy-now price. */
  price: number;
  links: number;
  age: number;
  pendingSale: boolean;
  own: boolean;
  listingType?: string;
}

/** A sale Afternic or Sedo found for one of the account's domains, waiting for the owner's confirmation. */
export interface SimFastTransfer {
  venue: 'afternic' | 'sedo';
  domain: string;
  price: number;
}

export interface SimAftermarket {
  auctions: SimAuction[];
  backorders: SimBackorder[];
  closeouts: SimCloseout[];
  listings: SimListing[];
  fastTransfers: SimFastTransfer[];
  nextAuctionId: number;
}

export interface SimAccount {
  username: string;
  /** The name another account pushes domains to (push's receiver_push_username). */
  pushUsername: string;
  /** The email a push may name beside the username (push's receiver_email); api3 checks it matches. */
  pushEmail?: string;
  /** A second account's own api3 key: the simulator answers requests with it from that account. */
  apiKey?: string;
  /** The other accounts of the simulated world, by push username (the receivers of pushes). */
  peers: Map<string, SimAccount>;
  /** Transfers in, and other registrars' requests to transfer a domain away. */
  transfers: SimTransfer[];
  /** Pushes this account sent. */
  pushes: SimPush[];
  /** Each domain's current transfer auth code, once one was asked for or set. */
  authCodes: Map<string, string>;
  /** The auth code each name registered elsewhere needs to be transferred in. */
  authElsewhere: Map<string, string>;
  /** The account's "API skip lock agreement": get_transfer_auth_code may unlock a domain only with it. */
  skipLockAgreement: boolean;
  customerSince: number;
  currency: string;
  balance: number;
  totalSpending: number;
  domains: Map<string, SimDomain>;
  contacts: Map<number, SimContact>;
  servers: Map<number, SimServer>;
  orders: SimOrder[];
  tldPrices: TldPrice[];
  /** Names already registered elsewhere: search says unavailable. */
  takenElsewhere: Set<string>;
  premium: Map<string, number>;
  coupons: Map<string, SimCoupon>;
  /** What a newly registered domain starts with (set_default_*). */
  defaults: DomainSettings;
  folders: Map<number, SimFolder>;
  nextContactId: number;
  nextServerId: number;
  nextOrderId: number;
  nextFolderId: number;
  aftermarket: SimAftermarket;
  /**
   * api3's account tiers: a regular account may search 1 name per request, bulk and super bulk
   * accounts 100 (the document's search command). Absent: bulk, as the seeded demo account is.
   */
  tier?: 'regular' | 'bulk' | 'super_bulk';
}

const DAY = 86_400_000;
const YEAR = 365 * DAY;

export const TLD_PRICES: TldPrice[] = [
  { tld: 'com', register: 10.99, renew: 11.99, transfer: 10.99, restore: 80, privacy: 0, usage: 'General', idn: true },
  { tld: 'net', register: 12.99, renew: 13.99, transfer: 12.99, restore: 80, privacy: 0, usage: 'General', idn: true },
  { tld: 'org', register: 9.99, renew: 12.49, transfer: 11.49, restore: 80, privacy: 0, usage: 'Organization', idn: true },
  { tld: 'io', register: 39.99, renew: 49.99, transfer: 45.99, restore: 120, privacy: 0, usage: 'Technology', idn: false },
  { tld: 'ai', register: 69.99, renew: 79.99, transfer: 79.99, restore: 150, privacy: 0, usage: 'Technology', idn: false },
  { tld: 'dev', register: 14.99, renew: 16.99, transfer: 16.99, restore: 90, privacy: 0, usage: 'Technology', idn: false },
  { tld: 'app', register: 16.99, renew: 18.99, transfer: 18.99, restore: 90, privacy: 0, usage: 'Technology', idn: false },
  { tld: 'co', register: 11.99, renew: 27.99, transfer: 25.99, restore: 90, privacy: 0, usage: 'General', idn: false },
  { tld: 'xyz', register: 1.99, renew: 13.99, transfer: 11.99, restore: 60, privacy: 0, usage: 'General', idn: true },
  { tld: 'de', register: 6.99, renew: 6.99, transfer: 6.99, restore: 40, privacy: 0, usage: 'Germany', idn: true },
];

function domain(name: string, now: number, opts: Partial<SimDomain> & { expiresInDays: number; ageDays: number }): SimDomain {
  const { expiresInDays, ageDays, ...rest } = opts;
  return {
    name,
    registration: now - ageDays * DAY,
    expiration: now + expiresInDays * DAY,
    renewed: ageDays > 30,
    locked: true,
    disabled: false,
    hold: false,
    privacy: 'full',
    renewOption: 'auto renew',
    note: '',
    folderId: -1,
    forSale: false,
    contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
    nameServers: { kind: 'parking', withAds: false },
    emailForward: { kind: 'none' },
    ...rest,
  };
}

const PORTFOLIO_TLDS = ['com', 'net', 'io', 'co', 'org', 'dev', 'app', 'de'];
const RENEW_WORDS: RenewOption[] = ['auto renew', 'auto renew', 'do not renew', 'no renew option'];

/**
 * `count` more domains for a portfolio-sized demo (DYNADOT_DEMO_DOMAINS): spread over TLDs,
 * renew options, locks and expiries from a month past to three years ahead, the same every time
 * for the same count, so "which expire in 30 days and are not on auto-renew" has a known answer.
 */
export function portfolioDomains(count: number, now: number): SimDomain[] {
  return Array.from({ length: count }, (_, i) =>
    domain(`portfolio-${String(i + 1).padStart(5, '0')}.${PORTFOLIO_TLDS[i % PORTFOLIO_TLDS.length]}`, now, {
      expiresInDays: ((i * 37) % 1125) - 30,
      ageDays: 400 + (i % 700),
      renewOption: RENEW_WORDS[i % RENEW_WORDS.length] ?? 'auto renew',
      locked: i % 5 !== 0,
      privacy: i % 3 === 0 ? 'none' : 'full',
    }),
  );
}

function seedOrder(id: number, created: number, type: string, name: string, cost: number): SimOrder {
  return { id, created, paymentMethod: 'account_balance', total: cost, status: 'Completed', items: [{ type, name, years: 1, cost, status: 'Completed' }] };
}

/** SAVE1 takes a dollar off any purchase (the tests' coupon); the others show list_coupons' range. */
function seedCoupons(now: number): SimCoupon[] {
  const span = { start: now - 30 * DAY, end: now + 60 * DAY };
  return [
    { code: 'SAVE1', description: '$1 off a domain', type: 'registration', off: { amount: 1 }, tlds: [], years: { min: 1, max: 10 }, ...span },
    { code: 'RENEW10', description: '10% off a one-year renewal', type: 'renewal', off: { percent: 10 }, tlds: ['com', 'net', 'org'], years: { min: 1, max: 1 }, ...span },
    { code: 'MOVE2', description: '$2 off a transfer', type: 'transfer', off: { amount: 2 }, tlds: ['com'], years: { min: 1, max: 1 }, ...span },
  ];
}

/** A small, varied portfolio: some expiring soon, one in its delete grace period, three DNS setups. */
export function seedAccount(now = Date.now(), withPeers = true, portfolio = 0): SimAccount {
  const domains = [
    domain('acme-widgets.com', now, {
      expiresInDays: 12,
      ageDays: 3 * 365,
      nameServers: {
        kind: 'dns',
        ttl: 3600,
        main: [
          { type: 'a', value: '203.0.113.10' },
          { type: 'mx', value: 'mx1.mailhost.example', extra: '10' },
          { type: 'txt', value: 'v=spf1 include:mailhost.example ~all' },
        ],
        sub: [
          { subhost: 'www', type: 'cname', value: 'acme-widgets.com' },
          { subhost: 'api', type: 'a', value: '203.0.113.20' },
        ],
      },
      note: 'main brand',
    }),
    domain('acme-widgets.net', now, { expiresInDays: 25, ageDays: 2 * 365, renewOption: 'no renew option', privacy: 'none' }),
    domain('widgetlab.io', now, {
      expiresInDays: 200,
      ageDays: 400,
      folderId: 0,
      nameServers: { kind: 'nameservers', hosts: ['ns1.cloudhost.example', 'ns2.cloudhost.example'] },
    }),
    domain('shopwidgets.co', now, { expiresInDays: 45, ageDays: 700, renewOption: 'do not renew', forSale: true }),
    domain('widget.dev', now, {
      expiresInDays: 330,
      ageDays: 35,
      nameServers: { kind: 'dns', ttl: 300, main: [{ type: 'aaaa', value: '2001:db8::1' }], sub: [] },
    }),
    domain('fresh-idea.xyz', now, { expiresInDays: 364, ageDays: 1, renewed: false, privacy: 'partial', note: 'registered yesterday' }),
    domain('old-project.org', now, { expiresInDays: -10, ageDays: 5 * 365, renewOption: 'do not renew', locked: false }),
    domain('acme-widgets.de', now, {
      expiresInDays: 600,
      ageDays: 900,
      privacy: 'none',
      folderId: 0,
      contacts: { registrant: 1, admin: 1, technical: 0, billing: 0 },
      emailForward: { kind: 'forward', forwards: [{ username: 'info', to: 'max@example.de' }] },
    }),
  ];
  const contacts: SimContact[] = [
    {
      id: 0,
      organization: 'Acme Widgets Inc.',
      name: 'Jane Doe',
      email: 'jane@acme-widgets.example',
      phoneCc: '1',
      phoneNum: '555.555.0100',
      faxCc: '',
      faxNum: '',
      address1: '1 Market Street',
      address2: '',
      city: 'San Francisco',
      state: 'CA',
      zip: '94105',
      country: 'US',
      gtldVerified: true,
    },
    {
      id: 1,
      organization: '',
      name: 'Max Mustermann',
      email: 'max@example.de',
      phoneCc: '49',
      phoneNum: '30.1234567',
      faxCc: '',
      faxNum: '',
      address1: 'Hauptstrasse 1',
      address2: '',
      city: 'Berlin',
      state: 'BE',
      zip: '10115',
      country: 'DE',
      gtldVerified: false,
    },
    // Used by no domain (it can be deleted), with a passed .cn audit.
    {
      id: 2,
      organization: 'Widget Trading (Shanghai) Co., Ltd.',
      name: 'Li Wei',
      email: 'li.wei@widget-trading.example',
      phoneCc: '86',
      phoneNum: '21.55550123',
      faxCc: '',
      faxNum: '',
      address1: '88 Century Avenue',
      address2: '',
      city: 'Shanghai',
      state: 'SH',
      zip: '200120',
      country: 'CN',
      gtldVerified: false,
      cnAudit: { contactType: 'Enterprise', status: 'pass' },
    },
  ];
  const servers: SimServer[] = [
    { id: 0, name: 'ns1.cloudhost.example', ips: [] },
    { id: 1, name: 'ns2.cloudhost.example', ips: [] },
    { id: 2, name: 'ns1.acme-widgets.com', ips: ['203.0.113.53'] },
  ];
  // Clients holds a domain on other name servers and one with its own contacts; Parked parks
  // whatever is moved into it.
  const folders: SimFolder[] = [
    { id: 0, name: 'Clients', settings: {} },
    { id: 1, name: 'Parked', settings: { nameServers: { value: { kind: 'parking', withAds: true }, enabled: true } } },
  ];
  return {
    username: 'demo-user',
    pushUsername: 'demo-user',
    peers: withPeers ? new Map([[RECEIVER_PUSH_USERNAME, seedReceiver(now)]]) : new Map(),
    transfers: [
      // A transfer in stuck on a code its registrar refused: set_transfer_auth_code or cancel_transfer.
      { direction: 'in', domain: 'acme.com', orderId: 997, status: 'auth code needed', since: now - 31 * DAY, authCode: 'acme-old-code' },
      // Another registrar asks for acme-widgets.net: authorize_transfer_away answers it.
      { direction: 'away', domain: 'acme-widgets.net', orderId: 7001, status: 'pending', since: now - DAY },
    ],
    pushes: [],
    authCodes: new Map([['acme-widgets.com', 'Acme-7Hq2-Xw9p']]),
    authElsewhere: new Map([
      ['google.com', 'G00gle-Never-Moves'],
      ['example.com', 'Ex4mple-Auth-01'],
      ['widgets.com', 'Wdg-7Kq2-Xp9z'],
      ['acme.com', 'Acme-Else-5521'],
      ['startup.io', 'St4rtup-Io-88'],
    ]),
    skipLockAgreement: false,
    customerSince: now - 6 * YEAR,
    currency: 'USD',
    balance: 300,
    totalSpending: 1234.56,
    domains: new Map([...domains, ...portfolioDomains(portfolio, now)].map((d) => [d.name, d])),
    contacts: new Map(contacts.map((c) => [c.id, c])),
    servers: new Map(servers.map((s) => [s.id, s])),
    // The purchases behind the two newest domains, so the demo's order_list is not empty.
    orders: [
      { ...seedOrder(997, now - 31 * DAY, 'Domain Transfer', 'acme.com', 10.99), status: 'Processing', items: [{ type: 'Domain Transfer', name: 'acme.com', years: 1, cost: 10.99, status: 'Processing' }] },
      seedOrder(998, now - 35 * DAY, 'Domain Registration', 'widget.dev', 14.99),
      seedOrder(999, now - DAY, 'Domain Registration', 'fresh-idea.xyz', 1.99),
    ],
    tldPrices: TLD_PRICES,
    takenElsewhere: new Set(['google.com', 'example.com', 'widgets.com', 'acme.com', 'startup.io']),
    premium: new Map([['best.ai', 4999]]),
    coupons: new Map(seedCoupons(now).map((c) => [c.code, c])),
    defaults: {
      contacts: { registrant: 0, admin: 0, technical: 0, billing: 0 },
      nameServers: { kind: 'parking', withAds: false },
      renewOption: 'no renew option',
      emailForward: { kind: 'none' },
    },
    folders: new Map(folders.map((f) => [f.id, f])),
    nextContactId: 3,
    nextServerId: 3,
    nextOrderId: 1000,
    nextFolderId: 2,
    aftermarket: seedAftermarket(now),
  };
}

const HOUR = 3_600_000;

function auction(
  id: number,
  domain: string,
  type: SimAuction['type'],
  now: number,
  o: { price: number; bids: number; rivalMax: number; endsInHours: number },
): SimAuction {
  return {
    id,
    domain,
    type,
    start: now - 2 * DAY,
    end: now + o.endsInHours * HOUR,
    price: o.price,
    bids: o.bids,
    bidders: o.bids > 0 ? Math.min(o.bids, 3) : 0,
    rivalMax: o.rivalMax,
    visitors: 120 + id,
    revenue: 0,
    renewal: 11.99,
    history: [],
    state: 'open',
  };
}

/**
 * Auctions (widgets.com is the taken name search reports), two of them backorder auctions, two
 * closed ones of this account; backorder requests; closeouts; other sellers' listings and the
 * account's own (shopwidgets.co, which also has an Afternic buyer waiting).
 */
function seedAftermarket(now: number): SimAftermarket {
  const closedWon: SimAuction = {
    ...auction(90, 'lastyear-deal.com', 'expired', now, { price: 89.99, bids: 1, rivalMax: 0, endsInHours: -10 * 24 }),
    state: 'won',
  };
  closedWon.you = { high: true, bid: 89.99, proxy: 120, orderId: 0 };
  const closedLost: SimAuction = {
    ...auction(91, 'missed-chance.net', 'expired', now, { price: 140, bids: 6, rivalMax: 140, endsInHours: -5 * 24 }),
    state: 'lost',
  };
  closedLost.you = { high: false, bid: 100, proxy: 100, orderId: 0 };
  const backorderWon: SimAuction = {
    ...auction(92, 'caught-drop.org', 'backorder', now, { price: 59, bids: 2, rivalMax: 0, endsInHours: -3 * 24 }),
    state: 'won',
  };
  backorderWon.you = { high: true, bid: 59, proxy: 80, orderId: 0 };
  const outbid = auction(12, 'bright-idea.net', 'registry_expired', now, { price: 19, bids: 3, rivalMax: 20, endsInHours: 30 });
  outbid.you = { high: false, bid: 15, proxy: 18, orderId: 0 };
  return {
    auctions: [
      auction(10, 'widgets.com', 'expired', now, { price: 120, bids: 3, rivalMax: 150, endsInHours: 47 }),
      auction(11, 'cloudnine.io', 'expired', now, { price: 45.99, bids: 0, rivalMax: 0, endsInHours: 6 }),
      outbid,
      auction(13, 'acme.com', 'user', now, { price: 2500, bids: 10, rivalMax: 3000, endsInHours: 120 }),
      auction(14, 'oldbrand.co', 'registrar', now, { price: 30, bids: 0, rivalMax: 0, endsInHours: 12 }),
      auction(15, 'startup.io', 'backorder', now, { price: 89.99, bids: 0, rivalMax: 0, endsInHours: 24 }),
      auction(16, 'dropcatch.org', 'backorder', now, { price: 69, bids: 2, rivalMax: 75, endsInHours: 72 }),
      closedWon,
      closedLost,
      backorderWon,
    ],
    backorders: [
      { domain: 'expiring-soon.com', drop: now + 3 * DAY, cutoff: now + 2 * DAY, status: 'Active' },
      { domain: 'another-drop.net', drop: now + 10 * DAY, cutoff: now + 9 * DAY, status: 'Active' },
      { domain: 'dropcatch.org', drop: now - DAY, cutoff: now - 2 * DAY, status: 'In Auction' },
      { domain: 'startup.io', drop: now - DAY, cutoff: now - 2 * DAY, status: 'In Auction' },
    ],
    closeouts: [
      { domain: 'bargain-name.com', price: 9.91, renewal: 11.99, end: now + 5 * DAY, revenue: 9.9 },
      { domain: 'cheap-find.net', price: 14.5, renewal: 13.99, end: now + 2 * DAY, revenue: 0 },
      { domain: 'retro-words.org', price: 25, renewal: 12.49, end: now + 9 * DAY, revenue: 3 },
    ],
    listings: [
      { id: 501, domain: 'premium-shoes.com', price: 2500, links: 40, age: 12, pendingSale: false, own: false },
      { id: 502, domain: 'tiny-app.io', price: 240, links: 2, age: 3, pendingSale: false, own: false },
      { id: 503, domain: 'green-energy.co', price: 1200, links: 15, age: 8, pendingSale: true, own: false },
      { id: 504, domain: 'make-an-offer.net', price: 0, links: 0, age: 5, pendingSale: false, own: false },
      { id: 505, domain: 'shopwidgets.co', price: 900, links: 1, age: 2, pendingSale: false, own: true, listingType: 'buy_now' },
    ],
    fastTransfers: [
      { venue: 'afternic', domain: 'shopwidgets.co', price: 850 },
      { venue: 'sedo', domain: 'acme-widgets.net', price: 1500 },
    ],
    nextAuctionId: 100,
  };
}

/** The second simulated account: pushes go to it, and a request with its key is answered from it. */
export const RECEIVER_PUSH_USERNAME = 'receiver';
export const RECEIVER_API_KEY = 'sim-receiver-account-key';

/** The receiving side of a push: a contact, some balance, and one domain of its own it offers the demo account. */
function seedReceiver(now: number): SimAccount {
  const demo = seedAccount(now, false);
  const contact = demo.contacts.get(0);
  if (!contact) throw new Error('the seed has no contact 0');
  return {
    ...demo,
    username: RECEIVER_PUSH_USERNAME,
    pushUsername: RECEIVER_PUSH_USERNAME,
    pushEmail: 'alice@receiver.example',
    apiKey: RECEIVER_API_KEY,
    balance: 50,
    totalSpending: 0,
    // Its own domain, offered to the demo account: set_domain_push_request there accepts or declines it.
    domains: new Map([['alice-gift.net', domain('alice-gift.net', now, { expiresInDays: 150, ageDays: 500, locked: false })]]),
    contacts: new Map([[0, { ...contact, organization: '', name: 'Alice Receiver', email: 'alice@receiver.example' }]]),
    servers: new Map(),
    orders: [{ id: 5000, created: now - DAY, paymentMethod: 'account_balance', total: 0, status: 'Processing', items: [{ type: 'Domain Push', name: 'alice-gift.net', years: 0, cost: 0, status: 'Processing' }] }],
    pushes: [{ orderId: 5000, sender: RECEIVER_PUSH_USERNAME, receiver: demo.pushUsername, created: now - DAY, items: [{ domain: 'alice-gift.net', status: 'sent' }] }],
    transfers: [],
    authCodes: new Map(),
    folders: new Map(),
    nextContactId: 1,
    nextServerId: 0,
    nextOrderId: 5001,
    nextFolderId: 0,
  };
}

export { DAY, YEAR };
