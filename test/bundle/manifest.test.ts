import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMcpConfigForManifest, LATEST_MANIFEST_VERSION } from '@anthropic-ai/mcpb/node';
import { McpbManifestSchema } from '@anthropic-ai/mcpb/schemas/0.4';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import { loadConfig } from '../../src/config.js';
import { buildManifest, ENTRY_POINT, MANIFEST_VERSION, readPackageJson, renderManifest, SUGGESTED_SPEND_CAP, type Manifest } from '../../src/docs/manifest.js';
import { DEFAULT_CHOICE } from '../../src/server/toolsets.js';
import { PACKAGE_ROOT } from '../../src/version.js';

const manifestText = readFileSync(join(PACKAGE_ROOT, 'manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const pkg = readPackageJson();

/** What Claude Desktop would put in the server's environment for these settings (mcpb's own substitution). */
async function hostEnv(userConfig: Record<string, string | boolean>): Promise<Record<string, string>> {
  const config = await getMcpConfigForManifest({ manifest, extensionPath: '/ext', systemDirs: {}, userConfig, pathSeparator: '/' });
  if (!config) throw new Error('mcpb produced no mcp_config');
  expect(config.command).toBe('node');
  expect(config.args).toEqual([`/ext/${ENTRY_POINT}`]);
  return config.env ?? {};
}

function configFrom(env: Record<string, string>) {
  const parsed = loadConfig([], env);
  if (parsed.kind !== 'run') throw new Error('expected a run config');
  return parsed.config;
}

describe('manifest.json (MCP Bundle 0.4)', () => {
  it('is up to date with package.json and the catalog (npm run manifest rewrites it)', () => {
    expect(manifestText, 'manifest.json is stale: run npm run manifest').toBe(renderManifest());
  });

  it("passes mcpb's strict 0.4 schema", () => {
    const result = McpbManifestSchema.safeParse(manifest);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(manifest.manifest_version).toBe('0.4');
  });

  it('uses the newest manifest version the installed mcpb validates', () => {
    expect(MANIFEST_VERSION, 'a newer mcpb knows a newer manifest_version: move src/docs/manifest.ts to it').toBe(LATEST_MANIFEST_VERSION);
  });

  it('lists every catalog tool and the discovery pair, and follows package.json', () => {
    expect(manifest.tools.map((t) => t.name)).toEqual([...CATALOG.map((spec) => spec.name), 'find_tools', 'call_tool']);
    for (const tool of manifest.tools) expect(tool.description.length).toBeGreaterThan(10);
    expect(manifest).toMatchObject({ name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license });
    expect(manifest.compatibility.runtimes.node).toBe(pkg.engines?.node);
    expect(existsSync(join(PACKAGE_ROOT, manifest.server.entry_point)), 'entry point is built').toBe(true);
    expect(pkg.bin).toEqual({ 'mcp-server-dynadot': manifest.server.entry_point });
  });

  it('marks tools the default does not list: reached through call_tool', () => {
    const everyday = CATALOG.find((spec) => spec.everyday)!;
    const { everyday: _listed, ...fake } = { ...everyday, name: 'fake_transfer', toolset: 'transfers' as const };
    const built = buildManifest(pkg, [everyday, fake]);
    expect(built.tools[0]!.description).toBe(everyday.description);
    expect(built.tools[1]!.description).toMatch(/toolset "transfers"; by default reached through call_tool/);
  });

  it('gives every optional setting a default, hides the key, and maps each one to an env var', () => {
    for (const [key, option] of Object.entries(manifest.user_config)) {
      expect(option.required, key).toBe(false);
      expect(option.default, key).toBeDefined();
    }
    const key = manifest.user_config.dynadot_api_key!;
    expect(key).toMatchObject({ type: 'string', sensitive: true, default: '' });
    expect(key.description).toMatch(/demo mode/i);
    expect(manifest.server.mcp_config.env).toEqual({
      DYNADOT_API_KEY: '${user_config.dynadot_api_key}',
      DYNADOT_TOOLSETS: '${user_config.toolsets}',
      DYNADOT_READ_ONLY: '${user_config.read_only}',
      DYNADOT_NO_PURCHASES: '${user_config.no_purchases}',
      DYNADOT_DRY_RUN: '${user_config.dry_run}',
      DYNADOT_SANDBOX: '${user_config.sandbox}',
      DYNADOT_SPEND_CAP: '${user_config.spend_cap}',
    });
  });

  it('left at its defaults, the host starts the server in demo mode with the default toolsets', async () => {
    const env = await hostEnv({});
    expect(env).toEqual({
      DYNADOT_API_KEY: '',
      DYNADOT_TOOLSETS: 'default',
      DYNADOT_READ_ONLY: 'false',
      DYNADOT_NO_PURCHASES: 'false',
      DYNADOT_DRY_RUN: 'false',
      DYNADOT_SANDBOX: 'false',
      DYNADOT_SPEND_CAP: '50',
    });
    const config = configFrom(env);
    expect(config.apiKey).toBeUndefined();
    expect(config.toolsets).toEqual(DEFAULT_CHOICE);
    expect(config.readOnly).toBe(false);
    expect(config.noPurchases).toBe(false);
    expect(config.dryRun).toBe(false);
    expect(config.sandbox).toBe(false);
    // The suggested cap, in the account currency.
    expect(config.spendCap).toEqual({ amount: 50 });
  });

  it('offers the spend cap with a suggested value in the account currency, and a way to turn it off', () => {
    const cap = manifest.user_config.spend_cap!;
    expect(cap).toMatchObject({ type: 'string', required: false, default: SUGGESTED_SPEND_CAP });
    expect(SUGGESTED_SPEND_CAP).toBe('50');
    expect(cap.description).toMatch(/account currency/);
    expect(cap.description).toMatch(/50 USD/);
    expect(cap.description).toMatch(/"none": no cap/);
    expect(configFrom({ DYNADOT_SPEND_CAP: String(cap.default) }).spendCap).toEqual({ amount: 50 });
    expect(configFrom({ DYNADOT_SPEND_CAP: 'none' }).spendCap).toBeUndefined();
    expect(manifest.long_description).toMatch(/spend cap \(50 in your account currency/);
  });

  it('passes what the user set, booleans as "true"/"false"', async () => {
    const env = await hostEnv({ dynadot_api_key: 'k-123', toolsets: 'all', read_only: true, sandbox: true, spend_cap: '25.50' });
    expect(env).toMatchObject({ DYNADOT_API_KEY: 'k-123', DYNADOT_READ_ONLY: 'true', DYNADOT_SANDBOX: 'true', DYNADOT_SPEND_CAP: '25.50' });
    const config = configFrom(env);
    expect(config).toMatchObject({ apiKey: 'k-123', toolsets: 'all', readOnly: true, sandbox: true, spendCap: { amount: 25.5 } });
    expect(configFrom(await hostEnv({ spend_cap: '25 eur' })).spendCap).toEqual({ amount: 25, currency: 'EUR' });
    expect(configFrom(await hostEnv({ spend_cap: 'none' })).spendCap).toBeUndefined();
  });

  it('offers the no-purchases profile as a boolean, off by default, that reaches the config', async () => {
    expect(manifest.user_config.no_purchases).toMatchObject({ type: 'boolean', required: false, default: false });
    expect(manifest.user_config.no_purchases?.description).toMatch(/spends money/);
    expect(configFrom(await hostEnv({ no_purchases: true })).noPurchases).toBe(true);
  });

  it('treats an unsubstituted ${user_config.x} as unset', () => {
    const config = configFrom(manifest.server.mcp_config.env);
    expect(config.apiKey).toBeUndefined();
    expect(config.toolsets).toBeUndefined();
    expect(config.readOnly).toBe(false);
    expect(config.noPurchases).toBe(false);
    expect(config.sandbox).toBe(false);
    expect(config.spendCap).toBeUndefined();
  });
});
