import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isToolsetName, TOOLSET_NAMES, type ToolsetChoice } from './server/toolsets.js';
import type { SpendCap } from './server/safety.js';

export const LIVE_API_URL = 'https://api.dynadot.com/api3.json';
export const SANDBOX_API_URL = 'https://api-sandbox.dynadot.com/api3.json';

/**
 * Claude Desktop passes the literal text `${user_config.x}` for an optional bundle field the
 * user left empty; such a value, like an empty one, means "not set".
 */
function unset(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.startsWith('${') ? undefined : trimmed;
}

const boolText = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/** A comma-separated list of http(s) origins, normalised to `scheme://host[:port]` for exact comparison. */
const originList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .transform((origins, ctx) =>
    origins.map((origin) => {
      try {
        const url = new URL(origin);
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: `"${origin}" is not an http(s) origin such as https://app.example.com` });
      return z.NEVER;
    }),
  );

const toolsetList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .superRefine((names, ctx) => {
    for (const name of names) {
      if (name !== 'all' && name !== 'default' && !isToolsetName(name)) {
        ctx.addIssue({ code: 'custom', message: `unknown toolset "${name}"; known: all, default, ${TOOLSET_NAMES.join(', ')}` });
      }
    }
  })
  .transform((names): readonly ToolsetChoice[] | 'all' | undefined => {
    if (names.includes('all')) return 'all';
    // `default` stands for the default set, so `default,folders` adds one toolset to it.
    return [...new Set(names.flatMap((name): ToolsetChoice[] => (name === 'default' || isToolsetName(name) ? [name] : [])))];
  });

/** What DYNADOT_SPEND_CAP accepts, as its error message says. */
const SPEND_CAP_FORMS = 'an amount in the account currency (50), an amount and its three-letter currency code (50 USD), or none for no cap';

/**
 * DYNADOT_SPEND_CAP: `50` is in the account's currency, `50 USD` names it (and must then be the
 * account's: the gate refuses every purchase otherwise), `none` or `off` is no cap.
 */
const spendCapText = z.string().transform((text, ctx): SpendCap | undefined => {
  const value = text.trim();
  if (/^(none|off)$/i.test(value)) return undefined;
  const match = /^(\d+(?:\.\d+)?)(?:\s*([A-Za-z]{3}))?$/.exec(value);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a spend cap; write ${SPEND_CAP_FORMS}` });
    return z.NEVER;
  }
  const amount = Number(match[1]);
  if (!(amount > 0) || !Number.isFinite(amount)) {
    ctx.addIssue({ code: 'custom', message: `"${value}": the amount must be more than 0 (none turns the cap off)` });
    return z.NEVER;
  }
  return match[2] ? { amount, currency: match[2].toUpperCase() } : { amount };
});

/** Every setting, in one schema; env and flags are merged into its input. */
export const configSchema = z.object({
  apiKey: z.string().min(1).optional(),
  apiUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  sandbox: boolText.default(false),
  timeoutMs: positiveInt(600_000).default(30_000),
  concurrency: positiveInt(100).default(1),
  ratePerMinute: positiveInt(100_000).default(60),
  toolsets: toolsetList.optional(),
  tools: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .optional(),
  readOnly: boolText.default(false),
  /** Serve nothing that spends money (register, renew, and later transfers, bids, buy-now, backorders). */
  noPurchases: boolText.default(false),
  transport: z.enum(['stdio', 'http']).default('stdio'),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  mcpToken: z.string().min(16, 'DYNADOT_MCP_TOKEN must be at least 16 characters').optional(),
  /** HTTP: a fresh server per request and no session ids, for replicas behind a load balancer. */
  stateless: boolText.default(false),
  /** HTTP: browser origins allowed beside localhost, 127.0.0.1 and [::1]. */
  allowedOrigins: originList.optional(),
  /** HTTP: concurrent sessions; an initialize beyond this gets 503. */
  maxSessions: positiveInt(100_000).default(100),
  /** HTTP: a session with no request for this long is closed. */
  sessionIdleMs: positiveInt(7 * 24 * 3_600_000).default(30 * 60_000),
  /** HTTP: largest accepted request body; larger gets 413. */
  maxBodyBytes: positiveInt(64 * 1024 * 1024).default(1024 * 1024),
  /** Largest amount a single purchase may cost, in the account currency; unset or `none`: no cap. */
  spendCap: spendCapText.optional(),
  /**
   * The file that gets one JSON line per change; unset: audit.jsonl in the state folder; `off`
   * (or `none`, `0`, `false`): no audit log.
   */
  auditLog: z.string().min(1).optional(),
  /** Where snapshots (and by default the audit log) are kept; unset: the platform's user state folder. */
  stateDir: z.string().min(1).optional(),
  /**
   * `redis://` or `rediss://` (TLS), with a password if needed: several server instances then share
   * one account's request queue, consumed confirmations, snapshots and audit log. A secret: never
   * logged, and the message for a bad value does not repeat it.
   */
  stateUrl: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Every write and destructive call answers its preview only; reads work as usual. */
  dryRun: boolText.default(false),
  /** Demo mode: this many more domains in the simulated account, to try a portfolio-sized account. */
  demoDomains: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Demo mode: start the simulated account, its snapshots and its audit log over from the seed. */
  demoReset: boolText.default(false),
  /** Signs confirmation ids; replicas behind one load balancer share it. Unset: random per process. */
  confirmSecret: z.string().min(16, 'DYNADOT_CONFIRM_SECRET must be at least 16 characters').optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Look up public registration data (RDAP) for names api3 reports as taken; never for available names. */
  rdap: z.enum(['on', 'off']).default('on'),
  /** The RDAP bootstrap (IANA's dns.json) as a file path or an http(s) URL, read once; unset: the copy in the package. */
  rdapBootstrap: z
    .string()
    .min(1)
    .refine((value) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^https?:\/\//i.test(value), 'must be a file path or an http(s) URL')
    .optional(),
});
export type Config = z.infer<typeof configSchema>;

export const USAGE = `mcp-server-dynadot: the Dynadot registrar API (api3) as MCP tools.

Usage: mcp-server-dynadot [options]
  --transport stdio|http   stdio (default) or Streamable HTTP at /mcp
  --host H --port P        HTTP bind address (default 127.0.0.1:3000)
  --stateless              HTTP without sessions, for replicas behind a load balancer (DYNADOT_MCP_STATELESS=1)
  --api-url URL            api3 endpoint (DYNADOT_API_URL)
  --sandbox                use Dynadot's sandbox endpoint (DYNADOT_SANDBOX=1)
  --toolsets a,b|all       toolsets to serve (DYNADOT_TOOLSETS); default: the everyday tools and
                           find_tools/call_tool, which reach every other tool; discover: only those two
  --tools a,b              extra individual tools (DYNADOT_TOOLS)
  --read-only              serve read tools only (DYNADOT_READ_ONLY=1)
  --no-purchases           serve nothing that spends money (DYNADOT_NO_PURCHASES=1)
  --dry-run                change nothing: every write answers its preview (DYNADOT_DRY_RUN=1)
  --demo-reset             demo mode: start the simulated account, its snapshots and audit log over
  --help, --version

HTTP settings from env: DYNADOT_MCP_TOKEN (bearer token, required beyond loopback),
  DYNADOT_MCP_ALLOWED_ORIGINS (extra browser origins), DYNADOT_MCP_MAX_SESSIONS (100),
  DYNADOT_MCP_SESSION_IDLE_MS (1800000), DYNADOT_MCP_MAX_BODY_BYTES (1048576).

Safety settings from env: DYNADOT_SPEND_CAP (largest single purchase: 50 in the account
  currency, 50 USD, or none),
  DYNADOT_AUDIT_LOG (file that records every change as a JSON line; default audit.jsonl
  in the state folder; off to disable), DYNADOT_STATE_DIR (snapshots of replaced settings,
  for restore_settings; default ~/.local/state/mcp-server-dynadot or the platform's equivalent),
  DYNADOT_CONFIRM_SECRET (signs preview confirmations; share it across replicas),
  DYNADOT_STATE_URL (redis:// or rediss://: replicas share the account's queue, confirmations,
  snapshots and audit log in Redis).

Research settings from env: DYNADOT_RDAP (on or off: public registration data over RDAP for
  names api3 reports as taken; default on), DYNADOT_RDAP_BOOTSTRAP (IANA's RDAP bootstrap as a
  file or http(s) URL; default the copy in the package).

Without DYNADOT_API_KEY the server runs in demo mode on a built-in simulated account.`;

export type ParsedCli = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; config: Config };

/** Reads flags and env into a Config. Flags win over env. Throws a readable message on bad values. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCli {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      transport: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      stateless: { type: 'boolean' },
      'api-url': { type: 'string' },
      sandbox: { type: 'boolean' },
      toolsets: { type: 'string' },
      tools: { type: 'string' },
      'read-only': { type: 'boolean' },
      'no-purchases': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'demo-reset': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const input = {
    apiKey: unset(env.DYNADOT_API_KEY),
    apiUrl: unset(values['api-url']) ?? unset(env.DYNADOT_API_URL),
    sandbox: values.sandbox ? 'true' : unset(env.DYNADOT_SANDBOX),
    timeoutMs: unset(env.DYNADOT_TIMEOUT_MS),
    concurrency: unset(env.DYNADOT_CONCURRENCY),
    ratePerMinute: unset(env.DYNADOT_RATE_PER_MIN),
    toolsets: unset(values.toolsets) ?? unset(env.DYNADOT_TOOLSETS),
    tools: unset(values.tools) ?? unset(env.DYNADOT_TOOLS),
    readOnly: values['read-only'] ? 'true' : unset(env.DYNADOT_READ_ONLY),
    noPurchases: values['no-purchases'] ? 'true' : unset(env.DYNADOT_NO_PURCHASES),
    transport: unset(values.transport),
    host: unset(values.host) ?? unset(env.DYNADOT_MCP_HOST),
    port: unset(values.port) ?? unset(env.DYNADOT_MCP_PORT),
    mcpToken: unset(env.DYNADOT_MCP_TOKEN),
    stateless: values.stateless ? 'true' : unset(env.DYNADOT_MCP_STATELESS),
    allowedOrigins: unset(env.DYNADOT_MCP_ALLOWED_ORIGINS),
    maxSessions: unset(env.DYNADOT_MCP_MAX_SESSIONS),
    sessionIdleMs: unset(env.DYNADOT_MCP_SESSION_IDLE_MS),
    maxBodyBytes: unset(env.DYNADOT_MCP_MAX_BODY_BYTES),
    spendCap: unset(env.DYNADOT_SPEND_CAP),
    auditLog: unset(env.DYNADOT_AUDIT_LOG),
    stateDir: unset(env.DYNADOT_STATE_DIR),
    stateUrl: unset(env.DYNADOT_STATE_URL),
    dryRun: values['dry-run'] ? 'true' : unset(env.DYNADOT_DRY_RUN),
    demoReset: values['demo-reset'] ? 'true' : undefined,
    demoDomains: unset(env.DYNADOT_DEMO_DOMAINS),
    confirmSecret: unset(env.DYNADOT_CONFIRM_SECRET),
    logLevel: unset(env.DYNADOT_LOG_LEVEL),
    rdap: unset(env.DYNADOT_RDAP)?.toLowerCase(),
    rdapBootstrap: unset(env.DYNADOT_RDAP_BOOTSTRAP),
  };
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${settingName(String(issue.path[0]))}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return { kind: 'run', config: parsed.data };
}

/** Each setting's environment variable and flag, as errors name them; src/docs/server-json.ts lists the variables from here. */
export const SETTING_NAMES: Record<string, string> = {
  apiKey: 'DYNADOT_API_KEY',
  apiUrl: 'DYNADOT_API_URL / --api-url',
  sandbox: 'DYNADOT_SANDBOX / --sandbox',
  timeoutMs: 'DYNADOT_TIMEOUT_MS',
  concurrency: 'DYNADOT_CONCURRENCY',
  ratePerMinute: 'DYNADOT_RATE_PER_MIN',
  toolsets: 'DYNADOT_TOOLSETS / --toolsets',
  tools: 'DYNADOT_TOOLS / --tools',
  readOnly: 'DYNADOT_READ_ONLY / --read-only',
  noPurchases: 'DYNADOT_NO_PURCHASES / --no-purchases',
  transport: '--transport',
  host: 'DYNADOT_MCP_HOST / --host',
  port: 'DYNADOT_MCP_PORT / --port',
  mcpToken: 'DYNADOT_MCP_TOKEN',
  stateless: 'DYNADOT_MCP_STATELESS / --stateless',
  allowedOrigins: 'DYNADOT_MCP_ALLOWED_ORIGINS',
  maxSessions: 'DYNADOT_MCP_MAX_SESSIONS',
  sessionIdleMs: 'DYNADOT_MCP_SESSION_IDLE_MS',
  maxBodyBytes: 'DYNADOT_MCP_MAX_BODY_BYTES',
  spendCap: 'DYNADOT_SPEND_CAP',
  auditLog: 'DYNADOT_AUDIT_LOG',
  stateDir: 'DYNADOT_STATE_DIR',
  stateUrl: 'DYNADOT_STATE_URL',
  dryRun: 'DYNADOT_DRY_RUN / --dry-run',
  demoReset: '--demo-reset',
  demoDomains: 'DYNADOT_DEMO_DOMAINS',
  confirmSecret: 'DYNADOT_CONFIRM_SECRET',
  logLevel: 'DYNADOT_LOG_LEVEL',
  rdap: 'DYNADOT_RDAP',
  rdapBootstrap: 'DYNADOT_RDAP_BOOTSTRAP',
};

function settingName(field: string): string {
  return SETTING_NAMES[field] ?? field;
}

/** Where api3 requests go: an explicit URL wins, then the sandbox flag, then the live service. */
export function resolveApiUrl(config: Config): string {
  return config.apiUrl ?? (config.sandbox ? SANDBOX_API_URL : LIVE_API_URL);
}
