import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileToolListCache, toolListSelection } from '../../src/server/tools-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'mcp-dynadot-tools-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const served = [{ name: 'search' }, { name: 'register' }];
const tools = served.map(({ name }) => ({ name, inputSchema: { type: 'object' as const, properties: {} } }));

describe('the kept tools/list', () => {
  it('is read back only for the same build, the same selection and the same tools in the same order', () => {
    const cache = fileToolListCache(dir, 'aaaaaaaaaaaaaaaa');
    const selection = toolListSelection({}, served);
    expect(cache.read(selection, served)).toBeUndefined();
    cache.write(selection, tools);
    expect(cache.read(selection, served)).toEqual(tools);
    expect(cache.read(selection, [...served].reverse())).toBeUndefined();
    expect(cache.read(toolListSelection({ readOnly: true }, served), served)).toBeUndefined();
    expect(fileToolListCache(dir, 'bbbbbbbbbbbbbbbb').read(selection, served)).toBeUndefined();
  });

  it('treats an unreadable file as none, and a folder it cannot write as no error', () => {
    const cache = fileToolListCache(dir, 'cccccccccccccccc');
    const selection = toolListSelection({ noPurchases: true }, served);
    cache.write(selection, tools);
    const [file] = readdirSync(dir).filter((name) => name.startsWith('tools-cccccccccccccccc-'));
    writeFileSync(join(dir, file ?? ''), '{"selection":');
    expect(cache.read(selection, served)).toBeUndefined();
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    expect(() => fileToolListCache(join(blocked, 'below'), 'dddddddddddddddd').write(selection, tools)).not.toThrow();
  });
});
