import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

function spendCap(value: string) {
  const parsed = loadConfig([], { DYNADOT_SPEND_CAP: value });
  if (parsed.kind !== 'run') throw new Error('expected a run config');
  return parsed.config.spendCap;
}

describe('DYNADOT_SPEND_CAP', () => {
  it.each([
    ['50', { amount: 50 }],
    ['25.50', { amount: 25.5 }],
    ['0.99', { amount: 0.99 }],
    ['50 USD', { amount: 50, currency: 'USD' }],
    ['  50   eur ', { amount: 50, currency: 'EUR' }],
    ['120.5gbp', { amount: 120.5, currency: 'GBP' }],
  ])('reads "%s" as %j (no currency: the account currency)', (value, expected) => {
    expect(spendCap(value)).toEqual(expected);
  });

  it.each(['', '   ', 'none', 'NONE', 'off', '${user_config.spend_cap}'])('reads "%s" as no cap', (value) => {
    expect(spendCap(value)).toBeUndefined();
  });

  it('is no cap when not set at all', () => {
    const parsed = loadConfig([], {});
    expect(parsed.kind === 'run' && parsed.config.spendCap).toBeUndefined();
  });

  it.each(['abc', '$50', '50 $', 'USD 50', '50 US', '50 USDT', '50,00', '-5', '1e3', '50 USD EUR', 'fifty'])(
    'refuses "%s", naming the setting and the forms it takes',
    (value) => {
      expect(() => spendCap(value)).toThrow(
        `invalid configuration:\n  DYNADOT_SPEND_CAP: "${value}" is not a spend cap; write an amount in the account currency (50), an amount and its three-letter currency code (50 USD), or none for no cap`,
      );
    },
  );

  it.each(['0', '0.00', '0 USD'])('refuses "%s": the amount must be more than 0', (value) => {
    expect(() => spendCap(value)).toThrow(/DYNADOT_SPEND_CAP: "0(\.00)?( USD)?": the amount must be more than 0 \(none turns the cap off\)/);
  });

  it('reports a bad cap beside other bad settings', () => {
    expect(() => loadConfig([], { DYNADOT_SPEND_CAP: 'lots', DYNADOT_TIMEOUT_MS: 'soon' })).toThrow(
      /DYNADOT_TIMEOUT_MS: .*\n {2}DYNADOT_SPEND_CAP: "lots" is not a spend cap/,
    );
  });
});

describe('DYNADOT_NO_PURCHASES / --no-purchases', () => {
  const noPurchases = (argv: string[], env: NodeJS.ProcessEnv) => {
    const parsed = loadConfig(argv, env);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    return parsed.config.noPurchases;
  };

  it('is off unless asked for', () => {
    expect(noPurchases([], {})).toBe(false);
    expect(noPurchases([], { DYNADOT_NO_PURCHASES: '0' })).toBe(false);
  });

  it('is on with the env var or the flag', () => {
    expect(noPurchases([], { DYNADOT_NO_PURCHASES: '1' })).toBe(true);
    expect(noPurchases([], { DYNADOT_NO_PURCHASES: 'true' })).toBe(true);
    expect(noPurchases(['--no-purchases'], {})).toBe(true);
  });

  it('names the setting when its value is not a boolean', () => {
    expect(() => loadConfig([], { DYNADOT_NO_PURCHASES: 'maybe' })).toThrow(/DYNADOT_NO_PURCHASES \/ --no-purchases/);
  });
});

describe('DYNADOT_RDAP and DYNADOT_RDAP_BOOTSTRAP', () => {
  const run = (env: NodeJS.ProcessEnv) => {
    const parsed = loadConfig([], env);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    return parsed.config;
  };

  it('looks taken names up over RDAP unless turned off, with the shipped bootstrap unless one is named', () => {
    expect(run({})).toMatchObject({ rdap: 'on', rdapBootstrap: undefined });
    expect(run({ DYNADOT_RDAP: 'OFF', DYNADOT_RDAP_BOOTSTRAP: '/srv/rdap/dns.json' })).toMatchObject({ rdap: 'off', rdapBootstrap: '/srv/rdap/dns.json' });
    expect(run({ DYNADOT_RDAP_BOOTSTRAP: 'https://data.iana.org/rdap/dns.json' }).rdapBootstrap).toBe('https://data.iana.org/rdap/dns.json');
  });

  it('names the setting for a value it does not take', () => {
    expect(() => run({ DYNADOT_RDAP: 'sometimes' })).toThrow(/DYNADOT_RDAP: /);
    expect(() => run({ DYNADOT_RDAP_BOOTSTRAP: 'ftp://example.net/dns.json' })).toThrow('DYNADOT_RDAP_BOOTSTRAP: must be a file path or an http(s) URL');
  });
});
