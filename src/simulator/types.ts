import type { SimAccount } from './state.js';

/** api3 answers a failed command with HTTP 200 and `ResponseCode -1` under the command's root. */
export class SimFailure extends Error {}

export type SimParams = Readonly<Record<string, string>>;

export interface SimContext {
  /** The account the request's key belongs to. */
  account: SimAccount;
  now: number;
  /** The simulator's own account, whose `peers` are the world's other accounts (a push's receiver); default: `account`. */
  root?: SimAccount;
}

export interface SimHandler {
  /** The root key of this command's answer (`SearchResponse`); '' for the root-less aftermarket answers. */
  root: string;
  handle(params: SimParams, ctx: SimContext): Record<string, unknown>;
}

export type SimHandlers = Record<string, SimHandler>;

export function required(params: SimParams, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw new SimFailure(`missing required parameter: ${name}`);
  return value;
}

/** api3's indexed parameters (`domain0..domain99`, `ns0..ns12`) in index order. */
export function indexed(params: SimParams, prefix: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < max; i++) {
    const value = params[`${prefix}${i}`];
    if (value !== undefined && value !== '') out.push(value);
  }
  return out;
}

export const ok = { ResponseCode: 0, Status: 'success' } as const;
