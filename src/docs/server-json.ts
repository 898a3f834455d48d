import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Config, configSchema, SETTING_NAMES } from '../config.js';
import { PACKAGE_ROOT } from '../version.js';
import { isRunAsScript, syncGeneratedFile } from './generated.js';
import { DISPLAY_NAME, type PackageJson, readPackageJson } from './manifest.js';

/**
 * server.json, the listing in the official MCP registry (modelcontextprotocol/registry), is
 * generated so it cannot drift: name, version and description from package.json; the environment
 * variables from src/config.ts (one zod schema for every setting, SETTING_NAMES for the variable
 * each one is read from: defaults, formats and choices come from the schema) with their
 * descriptions from README.md's configuration table. A test fails when the file differs from what
 * this produces (`npm run server-json` rewrites it) or when it breaks the registry's schema.
 */
export const SERVER_SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** The registry's limit on `description`. */
export const DESCRIPTION_MAX = 100;

/** Settings whose values are secrets: clients keep them out of sight and out of plain config files. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['apiKey', 'mcpToken', 'confirmSecret', 'stateUrl'] satisfies Array<keyof Config>);

/** Settings read only by the Streamable HTTP transport: their variables start with this. */
const HTTP_ONLY_PREFIX = 'DYNADOT_MCP_';

export interface EnvironmentVariable {
  name: string;
  description: string;
  format?: 'string' | 'number' | 'boolean' | 'filepath';
  default?: string;
  choices?: string[];
  isSecret?: boolean;
}

interface NamedArgument {
  type: 'named';
  name: string;
  value: string;
  description: string;
}

export interface ServerPackage {
  registryType: 'npm';
  identifier: string;
  version: string;
  transport: { type: 'stdio' } | { type: 'streamable-http'; url: string };
  packageArguments?: NamedArgument[];
  environmentVariables: EnvironmentVariable[];
}

export interface ServerJson {
  $schema: typeof SERVER_SCHEMA_URL;
  name: string;
  title: string;
  description: string;
  version: string;
  repository?: { url: string; source: string };
  websiteUrl?: string;
  packages: ServerPackage[];
}

/**
 * package.json's description cut to the registry's limit at the end of a clause (before a comma,
 * colon, semicolon or full stop), so the listing says the same thing, only shorter.
 */
export function shortDescription(description: string, max: number = DESCRIPTION_MAX): string {
  const text = description.trim().replace(/\.$/, '');
  if (text.length <= max) return text;
  let cut = -1;
  for (const match of text.matchAll(/[,:;.](?=\s)/g)) if (match.index <= max) cut = match.index;
  if (cut <= 0) throw new Error(`package.json's description has no clause end within ${max} characters for server.json`);
  return text.slice(0, cut);
}

/** README.md's configuration table as variable name → description ("label. Default: ..."). */
export function readmeSettingDescriptions(readme: string): Map<string, string> {
  const start = readme.indexOf('\n## Configuration\n');
  if (start === -1) throw new Error('README.md has no "## Configuration" section');
  const lines = readme.slice(start).split('\n').slice(2);
  const tableStart = lines.findIndex((line) => line.startsWith('|'));
  const descriptions = new Map<string, string>();
  for (const line of lines.slice(tableStart + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const [label = '', env = '', , fallback = ''] = cells;
    const names = env.match(/DYNADOT_[A-Z0-9_]+/g) ?? [];
    if (names.length > 1) throw new Error(`README.md's configuration table: one variable per row, not ${names.join(', ')}`);
    const name = names[0];
    if (!name) continue;
    // "API key. Default: ...": a label starting with a name such as api3 keeps its case.
    const sentence = /^[a-z]+\b/.test(label) ? `${label.charAt(0).toUpperCase()}${label.slice(1)}` : label;
    descriptions.set(name, `${sentence}. Default: ${fallback}`);
  }
  if (descriptions.size === 0) throw new Error("README.md's configuration table names no variable");
  return descriptions;
}

/** The choices a setting's schema allows, when it is an enum (behind a default or optional). */
function choicesOf(schema: z.core.$ZodType): string[] | undefined {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return choicesOf(schema.unwrap());
  return schema instanceof z.ZodEnum ? schema.options.map(String) : undefined;
}

/** Every environment variable src/config.ts reads, in the schema's order, with its setting. */
export function configVariables(): Array<{ setting: string; schema: z.core.$ZodType; name: string }> {
  return Object.entries(configSchema.shape).flatMap(([setting, schema]) => {
    const names = SETTING_NAMES[setting];
    if (names === undefined) throw new Error(`src/config.ts: setting ${setting} has no entry in SETTING_NAMES`);
    return (names.match(/DYNADOT_[A-Z0-9_]+/g) ?? []).map((name) => ({ setting, schema, name }));
  });
}

export function environmentVariables(readme: string): EnvironmentVariable[] {
  const descriptions = readmeSettingDescriptions(readme);
  const defaults: Record<string, unknown> = configSchema.parse({});
  const variables = configVariables();
  const known = new Set(variables.map((v) => v.name));
  const unknown = [...descriptions.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`README.md's configuration table names ${unknown.join(', ')}, which src/config.ts does not read`);
  return variables.map(({ setting, schema, name }) => {
    const description = descriptions.get(name);
    if (!description) throw new Error(`README.md's configuration table has no row for ${name}`);
    const value = defaults[setting];
    const choices = choicesOf(schema);
    const format = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : undefined;
    return {
      name,
      description,
      ...(format ? { format } : {}),
      ...(value !== undefined ? { default: String(value) } : {}),
      ...(choices ? { choices } : {}),
      ...(SECRET_SETTINGS.has(setting) ? { isSecret: true } : {}),
    };
  });
}

function repositoryOf(pkg: PackageJson): ServerJson['repository'] | undefined {
  if (!pkg.repository) return undefined;
  const raw = typeof pkg.repository === 'object' ? pkg.repository.url : pkg.repository;
  const url = raw.startsWith('github:') || !raw.includes(':') ? `https://github.com/${raw.replace(/^github:/, '')}` : raw;
  const clean = url.replace(/^git\+/, '').replace(/\.git$/, '');
  const host = URL.canParse(clean) ? new URL(clean).hostname : '';
  return { url: clean, source: host.replace(/^www\./, '').replace(/\.(com|org)$/, '') };
}

export function buildServerJson(pkg: PackageJson, readme: string): ServerJson {
  if (!pkg.mcpName) throw new Error('package.json has no mcpName (the registry name, io.github.<owner>/<name>)');
  const transport = SETTING_NAMES.transport;
  if (transport !== '--transport' || !choicesOf(configSchema.shape.transport)?.includes('http')) {
    throw new Error('src/config.ts: server.json expects the --transport flag with an http choice');
  }
  const all = environmentVariables(readme);
  const common = { registryType: 'npm' as const, identifier: pkg.name, version: pkg.version };
  const repository = repositoryOf(pkg);
  return {
    $schema: SERVER_SCHEMA_URL,
    name: pkg.mcpName,
    title: DISPLAY_NAME,
    description: shortDescription(pkg.description),
    version: pkg.version,
    ...(repository ? { repository } : {}),
    ...(pkg.homepage ? { websiteUrl: pkg.homepage } : {}),
    packages: [
      { ...common, transport: { type: 'stdio' }, environmentVariables: all.filter((v) => !v.name.startsWith(HTTP_ONLY_PREFIX)) },
      {
        ...common,
        transport: { type: 'streamable-http', url: `http://{DYNADOT_MCP_HOST}:{DYNADOT_MCP_PORT}/mcp` },
        packageArguments: [{ type: 'named', name: transport, value: 'http', description: 'Serve Streamable HTTP at /mcp instead of stdio' }],
        environmentVariables: all,
      },
    ],
  };
}

/** The text server.json should hold: 2-space JSON with a trailing newline. */
export function renderServerJson(pkg: PackageJson = readPackageJson(), readme: string = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8')): string {
  return `${JSON.stringify(buildServerJson(pkg, readme), null, 2)}\n`;
}

if (isRunAsScript(import.meta.url)) syncGeneratedFile('server.json', () => renderServerJson(), 'npm run server-json');
