import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { getMcpConfigForManifest } from '@anthropic-ai/mcpb/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/docs/manifest.js';
import { binPath, packMcpb } from '../../src/docs/pack-mcpb.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { filesUnder } from '../helpers/files.js';
import { connectStdio, expectedTools, runOk, tempDir } from './support.js';

/**
 * The Claude Desktop bundle end to end: pack it as `npm run pack:mcpb` does (into a temp dir),
 * unpack it with mcpb, and start the unpacked server the way the host would, from the manifest's
 * mcp_config with mcpb's own variable substitution. Needs `npm run build` first (npm test does it).
 */
const SLOW = 180_000;
const mcpb = binPath('@anthropic-ai/mcpb');

describe('MCP Bundle (.mcpb)', () => {
  const tmp = tempDir('mcpb');
  const bundle = join(tmp.path, 'mcp-server-dynadot.mcpb');
  const unpacked = join(tmp.path, 'unpacked');
  let files: string[] = [];
  let manifest: Manifest;

  beforeAll(() => {
    packMcpb({ output: bundle, log: () => undefined });
    runOk(process.execPath, [mcpb, 'unpack', bundle, unpacked]);
    files = filesUnder(unpacked);
    manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
  }, SLOW);
  afterAll(() => tmp.remove());

  it('mcpb validate accepts manifest.json', () => {
    const { stdout } = runOk(process.execPath, [mcpb, 'validate', join(PACKAGE_ROOT, 'manifest.json')]);
    expect(stdout).toContain('Manifest schema validation passes!');
  });

  it('packs a bundle holding the bundled server and production dependencies only', () => {
    expect(existsSync(bundle)).toBe(true);
    const bytes = statSync(bundle).size;
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThan(30 * 1024 * 1024);
    expect(readFileSync(join(unpacked, 'manifest.json'), 'utf8')).toBe(readFileSync(join(PACKAGE_ROOT, 'manifest.json'), 'utf8'));
    for (const file of ['manifest.json', 'package.json', 'LICENSE', manifest.server.entry_point, 'dist/bin/server.cjs']) {
      expect(files, file).toContain(file);
    }
    for (const dep of ['@modelcontextprotocol/server', 'zod', 'undici']) {
      expect(files, dep).toContain(`node_modules/${dep}/package.json`);
    }
    const unwanted = files.filter(
      (f) =>
        f.startsWith('test/') ||
        f.startsWith('dist/test/') ||
        f.startsWith('src/') ||
        f.startsWith('dist/src/') ||
        f.startsWith('dist/tools/') ||
        f.endsWith('.js.map') ||
        /^node_modules\/(vitest|typescript|@vitest|@anthropic-ai|@modelcontextprotocol\/(inspector-cli|sdk|client|conformance)|@types|\.bin|\.vite|\.cache)\//.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('starts from the unpacked bundle as the host would, in demo mode with the default tools', async () => {
    const config = await getMcpConfigForManifest({ manifest, extensionPath: unpacked, systemDirs: {}, userConfig: {}, pathSeparator: sep });
    if (!config) throw new Error('no mcp_config');
    expect(config.args).toEqual([`${unpacked}/dist/bin/mcp-server-dynadot.cjs`]);
    const session = await connectStdio(config.command, config.args ?? [], config.env ?? {}, unpacked);
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expectedTools());
      expect(session.client.getInstructions()).toMatch(/DEMO MODE/);
      const result = await session.client.callTool({ name: 'list_domain', arguments: {} });
      expect(result.isError ?? false).toBe(false);
      expect(result.structuredContent).toMatchObject({ demo: true });
      expect(session.client.getServerVersion()?.version).toBe(manifest.version);
    } finally {
      await session.close();
    }
  }, SLOW);

  it('applies the user settings the host substitutes (all toolsets, read-only)', async () => {
    const userConfig = { toolsets: 'all', read_only: true };
    const config = await getMcpConfigForManifest({ manifest, extensionPath: unpacked, systemDirs: {}, userConfig, pathSeparator: sep });
    if (!config) throw new Error('no mcp_config');
    const session = await connectStdio(config.command, config.args ?? [], config.env ?? {}, unpacked);
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expectedTools({ toolsets: 'all', readOnly: true }));
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    } finally {
      await session.close();
    }
  }, SLOW);
});
