import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CATALOG } from '../../tools/index.js';
import type { AnyToolSpec } from '../server/define.js';
import { TOOLSETS, TOOLSET_NAMES } from '../server/toolsets.js';
import { WORKFLOW_PROMPTS } from '../server/prompts.js';
import { DISCOVERY_DESCRIPTIONS } from '../server/discovery.js';
import { PACKAGE_ROOT } from '../version.js';
import { isRunAsScript, syncGeneratedFile } from './generated.js';

/**
 * manifest.json, the MCP Bundle (MCPB) manifest Claude Desktop installs from, is generated from
 * package.json and the catalog so it cannot drift: a test fails when the file differs from what
 * this produces (`npm run manifest` rewrites it; `--check` exits 1 when it is stale).
 *
 * Claude Desktop substitutes `${user_config.x}` in mcp_config.env. An optional field left empty
 * and without a default reaches the server as that literal text, so every field has a default and
 * src/config.ts treats a value starting with `${` as unset. Booleans arrive as "true"/"false".
 */
/**
 * The newest manifest_version that @anthropic-ai/mcpb validates (its LATEST_MANIFEST_VERSION; a
 * test fails when a newer mcpb knows a newer one). 0.4 adds only the `uv` server type to 0.3;
 * mcpb 2.1.2 still calls it experimental, so a host that knows only 0.3 may refuse the bundle:
 * going back is this line and the schema import in test/bundle/manifest.test.ts.
 */
export const MANIFEST_VERSION = '0.4';
export const ENTRY_POINT = 'dist/bin/mcp-server-dynadot.cjs';
/** The name a host shows (the bundle's display_name, server.json's title). */
export const DISPLAY_NAME = 'Dynadot';

export interface PackageJson {
  name: string;
  /** The server's name in the official MCP registry (io.github.<owner>/<name>), which it checks against the npm package. */
  mcpName?: string;
  version: string;
  description: string;
  license?: string;
  keywords?: string[];
  author?: string | { name: string; email?: string; url?: string };
  repository?: string | { type: string; url: string };
  homepage?: string;
  engines?: { node?: string };
  bin?: string | Record<string, string>;
}

const packageJson: z.ZodType<PackageJson> = z.object({
  name: z.string(),
  mcpName: z.string().optional(),
  version: z.string(),
  description: z.string(),
  license: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  author: z.union([z.string(), z.object({ name: z.string(), email: z.string().optional(), url: z.string().optional() })]).optional(),
  repository: z.union([z.string(), z.object({ type: z.string(), url: z.string() })]).optional(),
  homepage: z.string().optional(),
  engines: z.object({ node: z.string().optional() }).optional(),
  bin: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
});

type UserConfigOption =
  | { type: 'string'; title: string; description: string; required: boolean; default: string; sensitive?: boolean }
  | { type: 'boolean'; title: string; description: string; required: boolean; default: boolean };

export interface Manifest {
  manifest_version: typeof MANIFEST_VERSION;
  name: string;
  display_name: string;
  version: string;
  description: string;
  long_description: string;
  author: { name: string; email?: string; url?: string };
  repository?: { type: string; url: string };
  homepage?: string;
  license?: string;
  keywords?: string[];
  server: {
    type: 'node';
    entry_point: string;
    mcp_config: { command: string; args: string[]; env: Record<string, string> };
  };
  tools: Array<{ name: string; description: string }>;
  prompts: Array<{ name: string; description: string; arguments: string[]; text: string }>;
  compatibility: { platforms: Array<'darwin' | 'win32' | 'linux'>; runtimes: { node: string } };
  user_config: Record<string, UserConfigOption>;
}

/** The spend cap a bundle user starts with: enough for most names for a year or two, not for a premium one. */
export const SUGGESTED_SPEND_CAP = '50';

/** user_config entries and the env variable each one feeds. */
const USER_CONFIG: Array<{ key: string; env: string; option: UserConfigOption }> = [
  {
    key: 'dynadot_api_key',
    env: 'DYNADOT_API_KEY',
    option: {
      type: 'string',
      title: 'Dynadot API key',
      description:
        "Your api3 key, from Dynadot's control panel under Tools > API. Leave empty for demo mode: every tool then runs against a built-in simulated account with made-up domains, and nothing is real or charged.",
      required: false,
      default: '',
      sensitive: true,
    },
  },
  {
    key: 'toolsets',
    env: 'DYNADOT_TOOLSETS',
    option: {
      type: 'string',
      title: 'Toolsets',
      description: `Comma-separated toolsets to serve: "default" (the everyday tools, plus find_tools and call_tool, which reach every other tool), "discover" (only those two), "all", or names from: ${TOOLSET_NAMES.filter((name) => CATALOG.some((spec) => spec.toolset === name)).join(', ')}. "default,defaults" adds one to the default set.`,
      required: false,
      default: 'default',
    },
  },
  {
    key: 'read_only',
    env: 'DYNADOT_READ_ONLY',
    option: {
      type: 'boolean',
      title: 'Read-only',
      description: 'Serve only tools that change nothing: no purchases, renewals, deletions or edits.',
      required: false,
      default: false,
    },
  },
  {
    key: 'no_purchases',
    env: 'DYNADOT_NO_PURCHASES',
    option: {
      type: 'boolean',
      title: 'No purchases',
      description: 'Serve everything except what spends money: no registrations, renewals, transfers or bids. DNS, settings and reads still work.',
      required: false,
      default: false,
    },
  },
  {
    key: 'dry_run',
    env: 'DYNADOT_DRY_RUN',
    option: {
      type: 'boolean',
      title: 'Dry run',
      description: 'Change nothing: every purchase, deletion or edit only answers with what it would do. Reads work as usual.',
      required: false,
      default: false,
    },
  },
  {
    key: 'sandbox',
    env: 'DYNADOT_SANDBOX',
    option: {
      type: 'boolean',
      title: "Use Dynadot's sandbox",
      description: "Send requests to Dynadot's sandbox (api-sandbox.dynadot.com) instead of the live service. The sandbox has its own API key.",
      required: false,
      default: false,
    },
  },
  {
    key: 'spend_cap',
    env: 'DYNADOT_SPEND_CAP',
    option: {
      type: 'string',
      title: 'Spend cap per purchase',
      description:
        'Largest amount a single registration or renewal may cost, in your account currency ("50") or with it ("50 USD"); pricier ones, and ones priced in another currency, are refused even when confirmed. "none": no cap.',
      required: false,
      default: SUGGESTED_SPEND_CAP,
    },
  },
];

function longDescription(): string {
  const toolsets = TOOLSET_NAMES.map(
    (name) => `- \`${name}\`: ${TOOLSETS[name].description}`,
  );
  return [
    "Manage a Dynadot account from Claude through Dynadot's registrar API (api3): check availability and prices, register and renew domains, edit DNS records and name servers, manage WHOIS contacts, and read balance and account details.",
    '',
    '**No API key? Demo mode.** Leave the API key empty to try every tool against a built-in simulated account with made-up domains: nothing is real and nothing is charged. To use your own account, create an api3 key in the Dynadot control panel under Tools > API and enter it in the settings.',
    '',
    `**Confirm before anything costly or irreversible.** Purchases, deletions, transfers away and replacements of DNS records or name servers return a preview (with the price where there is one) and change nothing until the call is repeated with \`confirm: true\` after you approve. The spend cap (${SUGGESTED_SPEND_CAP} in your account currency unless you change it) refuses any single purchase above it even when confirmed. Read-only mode serves only tools that change nothing.`,
    '',
    '**Toolsets** keep the tool list short; choose them in the settings ("all" for every tool):',
    ...toolsets,
  ].join('\n');
}

function toolEntry(spec: AnyToolSpec): { name: string; description: string } {
  const optIn = spec.everyday ? '' : ` (toolset "${spec.toolset}"; by default reached through call_tool)`;
  return { name: spec.name, description: `${spec.description}${optIn}` };
}

/**
 * A workflow prompt as the bundle lists it: its text with MCPB's `${arguments.x}` placeholders
 * where the server puts the user's values (the server's own text also adds notes for its profile).
 */
function promptEntry(prompt: (typeof WORKFLOW_PROMPTS)[number]): Manifest['prompts'][number] {
  const placeholders = Object.fromEntries(prompt.arguments.map((a) => [a.name, `\${arguments.${a.name}}`]));
  return { name: prompt.name, description: prompt.description, arguments: prompt.arguments.map((a) => a.name), text: prompt.text(placeholders) };
}

function authorOf(pkg: PackageJson): Manifest['author'] {
  if (typeof pkg.author === 'object') return pkg.author;
  // npm's one-string form: "Name <email> (url)"
  const match = /^([^<(]+?)\s*(?:<([^>]+)>)?\s*(?:\(([^)]+)\))?$/.exec(pkg.author ?? '');
  if (!match?.[1]) return { name: `${pkg.name} contributors` };
  return { name: match[1], ...(match[2] ? { email: match[2] } : {}), ...(match[3] ? { url: match[3] } : {}) };
}

function repositoryOf(pkg: PackageJson): Manifest['repository'] | undefined {
  if (!pkg.repository) return undefined;
  if (typeof pkg.repository === 'object') return { type: pkg.repository.type, url: pkg.repository.url };
  const url = pkg.repository.startsWith('github:') || !pkg.repository.includes(':') ? `https://github.com/${pkg.repository.replace(/^github:/, '')}` : pkg.repository;
  return { type: 'git', url };
}

export function buildManifest(pkg: PackageJson, catalog: readonly AnyToolSpec[] = CATALOG): Manifest {
  const repository = repositoryOf(pkg);
  return {
    manifest_version: MANIFEST_VERSION,
    name: pkg.name,
    display_name: DISPLAY_NAME,
    version: pkg.version,
    description: pkg.description,
    long_description: longDescription(),
    author: authorOf(pkg),
    ...(repository ? { repository } : {}),
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    ...(pkg.license ? { license: pkg.license } : {}),
    ...(pkg.keywords?.length ? { keywords: pkg.keywords } : {}),
    server: {
      type: 'node',
      entry_point: ENTRY_POINT,
      mcp_config: {
        command: 'node',
        args: [`\${__dirname}/${ENTRY_POINT}`],
        env: Object.fromEntries(USER_CONFIG.map(({ key, env }) => [env, `\${user_config.${key}}`])),
      },
    },
    // The discovery pair is listed by default beside the everyday tools (src/server/discovery.ts).
    tools: [...catalog.map(toolEntry), ...Object.entries(DISCOVERY_DESCRIPTIONS).map(([name, description]) => ({ name, description }))],
    prompts: WORKFLOW_PROMPTS.map(promptEntry),
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: pkg.engines?.node ?? '>=20.18.1' },
    },
    user_config: Object.fromEntries(USER_CONFIG.map(({ key, option }) => [key, option])),
  };
}

/** The text manifest.json should hold: 2-space JSON with a trailing newline. */
export function renderManifest(pkg: PackageJson = readPackageJson(), catalog: readonly AnyToolSpec[] = CATALOG): string {
  return `${JSON.stringify(buildManifest(pkg, catalog), null, 2)}\n`;
}

export function readPackageJson(root: string = PACKAGE_ROOT): PackageJson {
  return packageJson.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
}

if (isRunAsScript(import.meta.url)) syncGeneratedFile('manifest.json', () => renderManifest(), 'npm run manifest');
