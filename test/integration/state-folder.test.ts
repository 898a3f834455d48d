import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../src/server/audit.js';
import { StateStore } from '../../src/server/state-store.js';
import { errorOf, type Harness, startHarness } from '../helpers/harness.js';

/** The state folder's hygiene: modes, symbolic links, snapshots of changes never sent, bad files. */
const root = mkdtempSync(join(tmpdir(), 'dynadot-state-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tempDir = () => mkdtempSync(join(root, 'case-'));
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const SET_NS = { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'], confirm: true };
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the state folder', () => {
  it('a symlinked audit log is refused, naming it: nothing is sent, nothing written through it, no snapshot listed', async () => {
    const dir = tempDir();
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, '');
    const link = join(dir, 'audit.jsonl');
    symlinkSync(elsewhere, link);
    h = await startHarness({ store: new StateStore(dir, false), audit: fileAuditLog(link) });
    const error = errorOf(await h.call('set_ns', SET_NS));
    expect(error.message).toContain(link);
    expect(error.message).toMatch(/symbolic link.*nothing was sent/);
    expect(h.simulator.requests.filter((r) => r.command === 'set_ns')).toEqual([]);
    expect(readFileSync(elsewhere, 'utf8')).toBe('');
    // The snapshot taken before the refusal stands for no change: kept as not sent, never listed.
    expect((await h.ok('list_snapshots', {})).items).toEqual([]);
    expect(readdirSync(join(dir, 'snapshots'))).toEqual([expect.stringMatching(/^s-.*\.not_sent\.json$/)]);
  });

  it('a 0777 folder with 0666 files is tightened to 0700 and 0600', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    mkdirSync(join(state, 'snapshots'), { recursive: true });
    writeFileSync(join(state, 'audit.jsonl'), '');
    writeFileSync(join(state, 'snapshots', 's-20990101T000000000Z-abcdef.json'), '{}');
    for (const path of [state, join(state, 'snapshots')]) chmodSync(path, 0o777);
    chmodSync(join(state, 'audit.jsonl'), 0o666);
    new StateStore(state, false).tighten();
    expect(mode(state)).toBe(0o700);
    expect(mode(join(state, 'snapshots'))).toBe(0o700);
    expect(mode(join(state, 'audit.jsonl'))).toBe(0o600);
    expect(mode(join(state, 'snapshots', 's-20990101T000000000Z-abcdef.json'))).toBe(0o600);
  });

  it('list_snapshots skips and reports files that are not snapshots, and lists the rest', async () => {
    const dir = tempDir();
    h = await startHarness({ store: new StateStore(dir, false) });
    const good = (await h.ok('set_ns', SET_NS)).snapshot_id;
    writeFileSync(join(dir, 'snapshots', 's-20990101T000000000Z-000001.json'), '{}');
    writeFileSync(join(dir, 'snapshots', 's-20990101T000000000Z-000002.json'), JSON.stringify({ id: 'x', time: 't', tool: 'set_ns', args: {}, domains: null }));
    writeFileSync(join(dir, 'snapshots', 's-20990101T000000000Z-000003.json'), 'not json');
    const listed = await h.ok<{ items: { id: string }[]; skipped: { file: string; why: string }[] }>('list_snapshots', {});
    expect(listed.items.map((item) => item.id)).toEqual([good]);
    expect(listed.skipped.map((s) => s.file).sort()).toEqual(['s-20990101T000000000Z-000001.json', 's-20990101T000000000Z-000002.json', 's-20990101T000000000Z-000003.json']);
    expect(listed.skipped.find((s) => s.file.endsWith('000002.json'))?.why).toMatch(/domains/);
  });
});
