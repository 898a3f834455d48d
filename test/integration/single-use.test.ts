import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StateStore } from '../../src/server/state-store.js';
import { type Json, useHarness } from '../helpers/tool-test.js';

/**
 * A confirmation id acts once: concurrent copies and later replays of a confirmed call send
 * nothing more and answer what the first use answered, marked as a replay.
 */
const dir = mkdtempSync(join(tmpdir(), 'dynadot-single-use-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { h, sent } = useHarness({ store: new StateStore(dir, false) });

const RENEW = { domain: 'acme-widgets.com', years: 1 };
/** renew orders that reached api3 (a price check is a read). */
const orders = () => sent('renew').filter((r) => r.params.price_check === undefined);

async function previewId(tool: string, args: Record<string, unknown>): Promise<string> {
  const preview = (await h().call(tool, args)).structuredContent as { preview?: { confirmation_id?: string } };
  const id = preview.preview?.confirmation_id;
  if (!id) throw new Error(`no confirmation id: ${JSON.stringify(preview)}`);
  return id;
}

describe('one confirmation, one call', () => {
  it('three concurrent and two replayed uses of one id renew once', async () => {
    const id = previewId('renew', RENEW);
    const confirmed = { ...RENEW, confirm: true, confirmation_id: await id };
    const together = await Promise.all([1, 2, 3].map(() => h().call('renew', confirmed)));
    const later = [await h().call('renew', confirmed), await h().call('renew', confirmed)];
    expect(orders()).toHaveLength(1);

    const answers = [...together, ...later].map((r) => ({ isError: r.isError ?? false, content: r.structuredContent as Json }));
    const firsts = answers.filter((a) => a.content.replay !== true);
    expect(firsts, JSON.stringify(answers)).toHaveLength(1);
    const [first] = firsts;
    expect(first?.isError).toBe(false);
    for (const answer of answers.filter((a) => a.content.replay === true)) {
      const { replay: _replay, replay_note: note, ...rest } = answer.content;
      // The first use's answer, word for word, and a note that nothing was sent again.
      expect(rest).toEqual(first?.content);
      expect(note).toMatch(/nothing was sent again/);
    }
  });

  it('a replayed set_ns replaces the name servers once', async () => {
    const id = await previewId('set_ns', { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'] });
    const confirmed = { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'], confirm: true, confirmation_id: id };
    await h().call('set_ns', confirmed);
    const again = await h().call('set_ns', confirmed);
    expect(sent('set_ns')).toHaveLength(1);
    expect(again.structuredContent).toMatchObject({ replay: true });
  });

  it('the id is recorded as used in the state folder, named by a digest, 0600', async () => {
    const names = readdirSync(join(dir, 'confirmations'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
      expect(statSync(join(dir, 'confirmations', name)).mode & 0o777).toBe(0o600);
    }
  });
});
