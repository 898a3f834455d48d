import { randomBytes } from 'node:crypto';
import { chargeOrder, couponDiscount, newDomain, ownedDomain, priceFor } from '../domains-util.js';
import { defaultsFor } from '../setting-scopes.js';
import { type Contacts, DAY, YEAR, type SimAccount, type SimOrder, type SimPush, type SimTransfer } from '../state.js';
import { ok, required, SimFailure, type SimContext, type SimHandlers, type SimParams } from '../types.js';
import { PENDING_ORDER } from './orders.js';

/**
 * Transfers in and away, auth codes and pushes. A transfer in is an order paid at once and
 * finished later: `none` for its first hour (it can still be cancelled), then `waiting` at the
 * registry, `completed` five days on (the domain arrives with a year added), driven by the
 * simulator's clock or `completeTransfer`. A push waits on the receiving account, which accepts
 * or declines each domain; an accepted domain moves between the two accounts.
 */

const HOUR = 3_600_000;
/** How long a transfer in waits at the registry before it completes. */
export const TRANSFER_DAYS = 5;
/** Statuses the document says a transfer can be cancelled in, and one stuck on a refused code. */
const CANCELLABLE = new Set(['none', 'approved', 'auth code needed']);
/** Statuses of a transfer in that is still under way. */
const ACTIVE = new Set(['none', 'approved', 'waiting', 'auth code needed']);

const round = (n: number) => Math.round(n * 100) / 100;

function orderOf(account: SimAccount, id: number): SimOrder | undefined {
  return account.orders.find((o) => o.id === id);
}

function settleOrder(account: SimAccount, id: number, status: 'Completed' | 'Cancelled'): void {
  const order = orderOf(account, id);
  if (!order) return;
  order.status = status;
  for (const item of order.items) item.status = status;
}

/** The transfer in arrives: the domain joins the account with a year added, its order completes. */
function complete(account: SimAccount, transfer: SimTransfer, now: number): void {
  transfer.status = 'completed';
  transfer.since = now;
  const settings = defaultsFor(account);
  const nameServers = transfer.nameServers?.length ? { kind: 'nameservers' as const, hosts: transfer.nameServers } : settings.nameServers;
  const contacts = { ...settings.contacts, ...transfer.contacts };
  const arrived = newDomain(transfer.domain, now, now + YEAR, { ...settings, nameServers, contacts });
  account.domains.set(transfer.domain, { ...arrived, renewed: true, ...(transfer.privacy ? { privacy: transfer.privacy } : {}) });
  account.takenElsewhere.delete(transfer.domain);
  settleOrder(account, transfer.orderId, 'Completed');
}

/** The clock: every account's transfers in move on by the time passed since their last change. */
export function advanceTransfers(root: SimAccount, now: number): void {
  for (const account of [root, ...root.peers.values()]) {
    for (const transfer of account.transfers) {
      if (transfer.direction !== 'in') continue;
      if (transfer.status === 'none' && now - transfer.since >= HOUR) {
        transfer.status = 'waiting';
        transfer.since = now;
      }
      if (transfer.status === 'waiting' && now - transfer.since >= TRANSFER_DAYS * DAY) complete(account, transfer, now);
    }
  }
}

/** The test control: the transfer in of `domain` completes now, whatever its clock says. */
export function completeTransfer(account: SimAccount, domain: string, now = Date.now()): void {
  const transfer = account.transfers.find((t) => t.direction === 'in' && t.domain === domain && ACTIVE.has(t.status));
  if (!transfer) throw new Error(`no transfer of ${domain} under way`);
  complete(account, transfer, now);
}

function transferIn(account: SimAccount, params: SimParams): SimTransfer {
  const domain = required(params, 'domain').toLowerCase();
  const wanted = params.order_id;
  const found = account.transfers.filter((t) => t.direction === 'in' && t.domain === domain && (wanted === undefined || String(t.orderId) === wanted));
  const transfer = found.find((t) => ACTIVE.has(t.status)) ?? found.at(-1);
  if (!transfer) throw new SimFailure(`no transfer order found for ${domain}`);
  return transfer;
}

function statusFor(account: SimAccount, domain: string, code: string): string {
  return account.authElsewhere.get(domain) === code ? 'none' : 'auth code needed';
}

function newAuthCode(): string {
  return `Dq${randomBytes(6).toString('base64url')}`;
}

/** Every account of the simulated world: the simulator's own and its peers. */
function world(ctx: SimContext): SimAccount[] {
  const root = ctx.root ?? ctx.account;
  return [root, ...root.peers.values()];
}

/** The pushes waiting on `account`, each with the account that sent it. */
function incoming(ctx: SimContext): Array<{ sender: SimAccount; push: SimPush }> {
  return world(ctx).flatMap((sender) => sender.pushes.filter((p) => p.receiver === ctx.account.pushUsername).map((push) => ({ sender, push })));
}

function settlePush(sender: SimAccount, push: SimPush): void {
  if (push.items.some((item) => item.status === 'sent')) return;
  settleOrder(sender, push.orderId, push.items.some((item) => item.status === 'accepted') ? 'Completed' : 'Cancelled');
}

export const transferHandlers: SimHandlers = {
  transfer: {
    root: 'TransferResponse',
    handle(params, { account, now }) {
      const domain = required(params, 'domain').toLowerCase();
      const code = required(params, 'auth');
      if (account.domains.has(domain)) throw new SimFailure(`${domain} is already in your account`);
      if (!account.takenElsewhere.has(domain)) throw new SimFailure(`${domain} is not registered at another registrar: register it instead`);
      if (account.transfers.some((t) => t.direction === 'in' && t.domain === domain && ACTIVE.has(t.status))) {
        throw new SimFailure(`a transfer of ${domain} is already under way`);
      }
      if (params.privacy !== undefined && params.privacy !== 'on' && params.privacy !== 'off') throw new SimFailure('invalid privacy: on or off');
      // Every check before the charge: a refused order must cost nothing.
      const contacts: Partial<Contacts> = {};
      for (const role of ['registrant', 'admin', 'technical', 'billing'] as const) {
        const id = params[`${role}_contact`];
        if (id === undefined) continue;
        if (!account.contacts.has(Number(id))) throw new SimFailure(`contact ${id} not found`);
        contacts[role] = Number(id);
      }
      const gross = priceFor(account, domain).transfer;
      const price = round(gross - couponDiscount(account, params.coupon, gross, now));
      const order = chargeOrder(account, now, [{ type: 'Domain Transfer', name: domain, years: 1, cost: price }]);
      order.status = PENDING_ORDER;
      for (const item of order.items) item.status = PENDING_ORDER;
      const nameServers = params.name_servers?.split(',').filter(Boolean);
      account.transfers.push({
        direction: 'in',
        domain,
        orderId: order.id,
        status: statusFor(account, domain, code),
        since: now,
        authCode: code,
        ...(nameServers?.length ? { nameServers } : {}),
        ...(Object.keys(contacts).length > 0 ? { contacts } : {}),
        ...(params.privacy ? { privacy: params.privacy === 'on' ? ('full' as const) : ('none' as const) } : {}),
      });
      return { ResponseCode: 0, Status: 'order created', DomainName: domain, OrderId: String(order.id) };
    },
  },

  get_transfer_status: {
    root: 'GetTransferStatusResponse',
    handle(params, { account }) {
      const domain = required(params, 'domain').toLowerCase();
      const type = required(params, 'transfer_type');
      if (type !== 'in' && type !== 'away') throw new SimFailure('invalid transfer_type: in or away');
      const list = account.transfers.filter((t) => t.direction === type && t.domain === domain);
      return { ...ok, TransferList: list.map((t) => ({ OrderId: String(t.orderId), TransferStatus: t.status })) };
    },
  },

  cancel_transfer: {
    root: 'CancelTransferResponse',
    handle(params, { account, now }) {
      const transfer = transferIn(account, params);
      if (!CANCELLABLE.has(transfer.status)) throw new SimFailure(`the transfer of ${transfer.domain} is ${transfer.status} and can no longer be cancelled`);
      transfer.status = 'cancelled';
      transfer.since = now;
      const order = orderOf(account, transfer.orderId);
      // The fee goes back to the balance.
      if (order) account.balance = round(account.balance + order.total);
      settleOrder(account, transfer.orderId, 'Cancelled');
      return { ...ok };
    },
  },

  set_transfer_auth_code: {
    root: 'SetTransferAuthCodeResponse',
    handle(params, { account, now }) {
      const code = required(params, 'auth_code');
      const transfer = transferIn(account, params);
      if (!ACTIVE.has(transfer.status) || transfer.status === 'waiting')
        throw new SimFailure(`the transfer of ${transfer.domain} is ${transfer.status}: its auth code cannot be changed`);
      transfer.authCode = code;
      transfer.status = statusFor(account, transfer.domain, code);
      transfer.since = now;
      return { ResponseCode: '0', Status: 'success' };
    },
  },

  authorize_transfer_away: {
    root: 'AuthorizeTransferAwayResponse',
    handle(params, { account, now }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      const orderId = required(params, 'order_id');
      const authorize = required(params, 'authorize');
      if (authorize !== 'approve' && authorize !== 'deny') throw new SimFailure('invalid authorize: approve or deny');
      const away = account.transfers.find((t) => t.direction === 'away' && t.domain === domain.name && String(t.orderId) === orderId);
      if (!away) throw new SimFailure(`order ${orderId} not found for ${domain.name}`);
      if (away.status !== 'pending') throw new SimFailure(`the transfer away of ${domain.name} is already ${away.status}`);
      away.status = authorize === 'approve' ? 'approved' : 'denied';
      away.since = now;
      // Approved, the gaining registrar takes the domain.
      if (authorize === 'approve') {
        account.domains.delete(domain.name);
        account.authCodes.delete(domain.name);
      }
      return { ...ok, Result: authorize === 'approve' ? 'away_approved' : 'away_denied' };
    },
  },

  get_transfer_auth_code: {
    root: 'GetTransferAuthCodeResponse',
    handle(params, { account }) {
      const domain = ownedDomain(account, required(params, 'domain'));
      if (params.unlock_domain_for_transfer === '1') {
        if (!account.skipLockAgreement) throw new SimFailure('unlock_domain_for_transfer requires the api skip lock agreement');
        domain.locked = false;
      }
      if (domain.locked) throw new SimFailure(`${domain.name} is locked: please unlock your domain before requesting the auth code`);
      if (params.new_code === '1' || !account.authCodes.has(domain.name)) account.authCodes.set(domain.name, newAuthCode());
      return { ...ok, AuthCode: account.authCodes.get(domain.name) };
    },
  },

  push: {
    root: 'PushResponse',
    handle(params, ctx) {
      const { account, now } = ctx;
      const names = required(params, 'domain')
        .split(';')
        .map((n) => n.trim().toLowerCase())
        .filter(Boolean);
      const receiverName = required(params, 'receiver_push_username');
      const receiver = world(ctx).find((a) => a.pushUsername === receiverName);
      if (!receiver) throw new SimFailure(`receiver push username ${receiverName} not found`);
      if (receiver === account) throw new SimFailure('a domain cannot be pushed to its own account');
      const email = params.receiver_email?.trim().toLowerCase();
      if (email !== undefined && email !== receiver.pushEmail?.toLowerCase()) throw new SimFailure(`receiver email ${email} does not match push username ${receiverName}`);
      const unlock = params.unlock_domain_for_push === '1';
      // Every check before anything changes: a refused push changes nothing.
      const domains = names.map((name) => ownedDomain(account, name));
      for (const domain of domains) {
        if (domain.locked && !unlock) throw new SimFailure(`${domain.name} is locked: unlock your domain or set unlock_domain_for_push=1`);
        if (account.pushes.some((p) => p.items.some((item) => item.domain === domain.name && item.status === 'sent'))) {
          throw new SimFailure(`${domain.name} is already being pushed`);
        }
      }
      for (const domain of domains) domain.locked = false;
      const order = chargeOrder(
        account,
        now,
        domains.map((d) => ({ type: 'Domain Push', name: d.name, years: 0, cost: 0 })),
      );
      order.status = PENDING_ORDER;
      for (const item of order.items) item.status = PENDING_ORDER;
      account.pushes.push({
        orderId: order.id,
        sender: account.pushUsername,
        receiver: receiverName,
        created: now,
        items: domains.map((d) => ({ domain: d.name, status: 'sent' })),
      });
      return { ResponseCode: '0', Status: 'order created' };
    },
  },

  get_domain_push_request: {
    root: 'GetDomainPushRequestResponse',
    handle(_params, ctx) {
      const names = incoming(ctx).flatMap(({ push }) => push.items.filter((item) => item.status === 'sent').map((item) => item.domain));
      return { ...ok, pushDomainName: `[${names.join(',')}]` };
    },
  },

  set_domain_push_request: {
    root: 'SetDomainPushRequestResponse',
    handle(params, ctx) {
      const { account } = ctx;
      const action = required(params, 'action');
      if (action !== 'accept' && action !== 'decline') throw new SimFailure('invalid action: accept or decline');
      const names = required(params, 'domains')
        .split(',')
        .map((n) => n.trim().toLowerCase())
        .filter(Boolean);
      const waiting = incoming(ctx);
      const found = names.map((name) => {
        const match = waiting.find(({ push }) => push.items.some((item) => item.domain === name && item.status === 'sent'));
        if (!match) throw new SimFailure(`no push request for ${name}`);
        return { name, ...match };
      });
      for (const { name, sender, push } of found) {
        const item = push.items.find((i) => i.domain === name && i.status === 'sent');
        if (!item) continue;
        item.status = action === 'accept' ? 'accepted' : 'declined';
        if (action === 'accept') {
          const domain = sender.domains.get(name);
          sender.domains.delete(name);
          sender.authCodes.delete(name);
          if (domain) account.domains.set(name, { ...domain, folderId: -1, note: '', locked: true });
        }
        settlePush(sender, push);
      }
      return { ...ok };
    },
  },
};
