import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BIN, connectStdio, testDirs } from '../bundle/support.js';
import { type RdapDouble, startRdapDouble } from '../helpers/rdap-double.js';

/**
 * research_domains in the built bin: the settings DYNADOT_RDAP and DYNADOT_RDAP_BOOTSTRAP reach
 * the RDAP client the server builds, and only names api3 reports as taken reach the registry.
 */
const KEY = 'e2e-research-key-51c0d9e7a2b4f683';

interface Research {
  rows: Array<[string, boolean, number | null, number | null, boolean]>;
  taken?: Record<string, { registration?: { registrar?: string; statuses: string[] }; registration_unavailable?: string }>;
  notes?: string[];
}

describe('research_domains in the built bin', () => {
  let sim: Simulator;
  let double: RdapDouble;
  beforeAll(async () => {
    sim = await startSimulator({ keys: [KEY] });
    double = await startRdapDouble({
      records: {
        'google.com': {
          objectClassName: 'domain',
          ldhName: 'GOOGLE.COM',
          status: ['client transfer prohibited'],
          entities: [{ objectClassName: 'entity', roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', 'MarkMonitor Inc.']]] }],
        },
      },
    });
  });
  afterAll(async () => {
    await double.close();
    await sim.close();
  });

  const research = async (env: Record<string, string>) => {
    const session = await connectStdio(process.execPath, [BIN], { DYNADOT_API_KEY: KEY, DYNADOT_API_URL: sim.url, ...testDirs(), ...env });
    try {
      const result = await session.client.callTool({ name: 'research_domains', arguments: { names: ['google', 'zqe2e'], tlds: ['com'], taken: ['registration'] } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      return { answer: result.structuredContent as unknown as Research, stderr: session.stderr() };
    } finally {
      await session.close();
    }
  };

  it('DYNADOT_RDAP_BOOTSTRAP names the registry service; only the taken name is asked about', async () => {
    const { answer, stderr } = await research({ DYNADOT_RDAP_BOOTSTRAP: double.bootstrapFile(['com']) });
    expect(answer.taken?.['google.com']?.registration).toEqual({ registrar: 'MarkMonitor Inc.', statuses: ['client transfer prohibited'] });
    expect(answer.rows.find((r) => r[0] === 'zqe2e.com')?.[1]).toBe(true);
    expect(double.requests).toEqual(['google.com']);
    expect(stderr).not.toContain(KEY);
  });

  it('DYNADOT_RDAP=off asks no registry and says so', async () => {
    double.requests.length = 0;
    const { answer } = await research({ DYNADOT_RDAP: 'off', DYNADOT_RDAP_BOOTSTRAP: double.bootstrapFile(['com']) });
    expect(double.requests).toEqual([]);
    expect(answer.notes).toEqual([expect.stringMatching(/DYNADOT_RDAP=off/)]);
    expect(answer.rows).toHaveLength(2);
  });
});
