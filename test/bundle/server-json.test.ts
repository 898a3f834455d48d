import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readPackageJson } from '../../src/docs/manifest.js';
import {
  buildServerJson,
  DESCRIPTION_MAX,
  readmeSettingDescriptions,
  renderServerJson,
  SERVER_SCHEMA_URL,
  type ServerJson,
  shortDescription,
} from '../../src/docs/server-json.js';
import { PACKAGE_ROOT } from '../../src/version.js';

/**
 * server.json, the listing in the official MCP registry, checked offline: in step with
 * package.json, src/config.ts and README.md (npm run server-json rewrites it), and valid against
 * the registry's own JSON schema.
 *
 * test/helpers/fixtures/server.schema.2025-12-11.json is a verbatim copy of
 * https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json as the registry
 * embeds it (modelcontextprotocol/registry, internal/validators/schemas/2025-12-11.json at commit
 * e361b5ff5a925b36a38eda0544bca8230a84558b), taken on 2026-12-03: the newest released version in
 * the registry's docs/reference/server-json/CHANGELOG.md then. A newer schema: vendor it beside
 * this one and move SERVER_SCHEMA_URL in src/docs/server-json.ts.
 */
const read = (file: string) => readFileSync(join(PACKAGE_ROOT, file), 'utf8');
const serverText = read('server.json');
const server = JSON.parse(serverText) as ServerJson;
const pkg = readPackageJson();
const readme = read('README.md');
const schema = JSON.parse(read('test/helpers/fixtures/server.schema.2025-12-11.json')) as { $id: string };

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module, whose default is the plugin.
const addFormats = addFormatsModule.default;

/** Every variable src/config.ts reads from the environment, found in its source. */
const configSourceVariables = [...new Set(read('src/config.ts').match(/env\.DYNADOT_[A-Z0-9_]+/g) ?? [])].map((m) => m.slice('env.'.length)).sort();

const [stdio, http] = server.packages;
const names = (pkgEntry: ServerJson['packages'][number] | undefined) => (pkgEntry?.environmentVariables ?? []).map((v) => v.name);

function configFrom(argv: string[], env: Record<string, string>) {
  const parsed = loadConfig(argv, env);
  if (parsed.kind !== 'run') throw new Error('expected a run config');
  return parsed.config;
}

describe('server.json (official MCP registry)', () => {
  it('is up to date with package.json, src/config.ts and README.md (npm run server-json rewrites it)', () => {
    expect(serverText, 'server.json is stale: run npm run server-json').toBe(renderServerJson());
  });

  it("passes the registry's JSON schema, the version it names", () => {
    expect(server.$schema).toBe(SERVER_SCHEMA_URL);
    expect(schema.$id).toBe(SERVER_SCHEMA_URL);
    // Not strict: ajv's strict mode objects to the registry's schema style (`required` naming a
    // property another branch defines, `example`), not to any document.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(server) ? [] : validate.errors).toEqual([]);
    // The schema does check: what the registry refuses fails here too.
    expect(validate({ ...server, description: 'x'.repeat(DESCRIPTION_MAX + 1) })).toBe(false);
    expect(validate({ ...server, name: 'mcp-server-dynadot' })).toBe(false);
    expect(validate({ ...server, packages: [{ ...stdio, version: 'latest' }] })).toBe(false);
    expect(validate({ ...server, packages: [{ ...stdio, environmentVariables: [{ name: 'X', isSecret: 'yes' }] }] })).toBe(false);
  });

  it('follows package.json: registry name (mcpName), version, description, npm package', () => {
    expect(pkg.mcpName, 'package.json needs mcpName: the registry checks it against the npm package').toBeDefined();
    expect(server.name).toBe(pkg.mcpName);
    expect(server.name).toMatch(new RegExp(`^io\\.github\\.[A-Za-z0-9-]+/${pkg.name}$`));
    expect(server.version).toBe(pkg.version);
    expect(server.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(pkg.description.startsWith(server.description), 'a shortened package.json description').toBe(true);
    expect(server.packages).toHaveLength(2);
    for (const entry of server.packages) expect(entry).toMatchObject({ registryType: 'npm', identifier: pkg.name, version: pkg.version });
  });

  it('lists every variable src/config.ts reads, and no other; HTTP-only ones only for the HTTP mode', () => {
    expect([...names(http)].sort()).toEqual(configSourceVariables);
    expect(names(stdio)).toEqual(names(http).filter((name) => !name.startsWith('DYNADOT_MCP_')));
    const described = readmeSettingDescriptions(readme);
    for (const variable of http?.environmentVariables ?? []) {
      expect(described.has(variable.name), `${variable.name} in README.md's configuration table`).toBe(true);
      expect(variable.description.length, variable.name).toBeGreaterThan(10);
      expect('isRequired' in variable, `${variable.name}: demo mode needs nothing`).toBe(false);
    }
  });

  it('marks the secrets, and only them', () => {
    const secret = (http?.environmentVariables ?? []).filter((v) => v.isSecret).map((v) => v.name);
    expect(secret.sort()).toEqual(['DYNADOT_API_KEY', 'DYNADOT_CONFIRM_SECRET', 'DYNADOT_MCP_TOKEN', 'DYNADOT_STATE_URL']);
    for (const name of names(http)) if (/KEY|TOKEN|SECRET|PASSWORD/.test(name)) expect(secret, name).toContain(name);
    expect(stdio?.environmentVariables.find((v) => v.name === 'DYNADOT_API_KEY')).toMatchObject({ isSecret: true });
    expect(stdio?.environmentVariables.find((v) => v.name === 'DYNADOT_CONFIRM_SECRET')).toMatchObject({ isSecret: true });
  });

  it('gives defaults and choices the server accepts, and they are its own defaults', () => {
    const defaults = configFrom([], {});
    for (const variable of http?.environmentVariables ?? []) {
      for (const value of [...(variable.default === undefined ? [] : [variable.default]), ...(variable.choices ?? [])]) {
        expect(() => configFrom([], { [variable.name]: value }), `${variable.name}=${value}`).not.toThrow();
      }
      if (variable.default !== undefined) expect(configFrom([], { [variable.name]: variable.default }), variable.name).toEqual(defaults);
    }
    expect(http?.environmentVariables.find((v) => v.name === 'DYNADOT_LOG_LEVEL')).toMatchObject({
      default: 'info',
      choices: ['debug', 'info', 'warn', 'error'],
    });
    expect(http?.environmentVariables.find((v) => v.name === 'DYNADOT_READ_ONLY')).toMatchObject({ format: 'boolean', default: 'false' });
  });

  it('describes the stdio mode and the Streamable HTTP mode (--transport http) of the one npm package', () => {
    expect(stdio?.transport).toEqual({ type: 'stdio' });
    expect(stdio?.packageArguments).toBeUndefined();
    if (http?.transport.type !== 'streamable-http') throw new Error('second package: streamable-http');
    const argv = (http.packageArguments ?? []).flatMap((arg) => [arg.name, arg.value]);
    expect(configFrom(argv, {}).transport).toBe('http');
    // As the registry checks: every {variable} of the URL is one of the package's variables.
    const variables = [...http.transport.url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    expect(variables).toEqual(['DYNADOT_MCP_HOST', 'DYNADOT_MCP_PORT']);
    for (const variable of variables) expect(names(http)).toContain(variable);
    const defaults = Object.fromEntries((http.environmentVariables ?? []).map((v) => [v.name, v.default]));
    expect(http.transport.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(defaults[name]))).toBe('http://127.0.0.1:3000/mcp');
  });

  it('refuses to generate from a README or package.json out of step with the config', () => {
    const row = (line: string) => readme.split('\n').find((l) => l.includes(line)) ?? '';
    const tokenRow = row('`DYNADOT_MCP_TOKEN`');
    expect(tokenRow).not.toBe('');
    expect(() => buildServerJson(pkg, readme.replace(`${tokenRow}\n`, ''))).toThrow(/no row for DYNADOT_MCP_TOKEN/);
    expect(() => buildServerJson(pkg, readme.replace(tokenRow, `${tokenRow}\n| made up | \`DYNADOT_MADE_UP\` | | none |`))).toThrow(
      /DYNADOT_MADE_UP, which src\/config.ts does not read/,
    );
    expect(() => buildServerJson(pkg, readme.replace(tokenRow, '| two | `DYNADOT_MCP_TOKEN`, `DYNADOT_MCP_PORT` | | none |'))).toThrow(/one variable per row/);
    expect(() => buildServerJson({ ...pkg, mcpName: undefined }, readme)).toThrow(/mcpName/);
    expect(buildServerJson({ ...pkg, version: '9.9.9' }, readme).packages.map((p) => p.version)).toEqual(['9.9.9', '9.9.9']);
  });

  it('shortens a long description at the end of a clause', () => {
    expect(shortDescription('Short.')).toBe('Short');
    expect(shortDescription('One clause, two clause: three', 20)).toBe('One clause');
    expect(() => shortDescription('x'.repeat(120))).toThrow(/no clause end/);
  });
});
