#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { CATALOG } from '../tools/index.js';
import { accountPort } from '../tools/ports.js';
import { NOT_YET } from '../tools/not-yet.js';
import { Api3Client } from './api3/client.js';
import { redact } from './api3/redact.js';
import { loadConfig, resolveApiUrl, USAGE, type Config } from './config.js';
import { errorMessage, errorStack, log, setLogLevel } from './log.js';
import { unfinishedChange } from './server/audit.js';
import { buildServer, selectTools, type ServerOptions } from './server/server.js';
import { createRdap } from './rdap/client.js';
import { Confirmations } from './server/confirmation.js';
import { auditLogPath, chmodIf, defaultStateDir, StateStore } from './server/state-store.js';
import { folderState, type SharedState } from './state/shared-state.js';
import { registerSecret } from './api3/redact.js';
import { PACKAGE_VERSION } from './version.js';

/** The key the built-in simulator accepts; it is not a secret and reaches no real account. */
const DEMO_KEY = 'demo-key-not-a-secret';

interface Backend {
  api: Api3Client;
  demo: boolean;
  close(): Promise<void>;
}

/** A real account when a key is set; otherwise the built-in simulator, labelled as demo everywhere. */
async function connectBackend(config: Config, state: SharedState, demoAccount: string): Promise<Backend> {
  const limits = { timeoutMs: config.timeoutMs, concurrency: config.concurrency, ratePerMinute: config.ratePerMinute };
  if (config.apiKey || config.apiUrl) {
    if (!config.apiKey) log('warn', 'DYNADOT_API_URL is set but DYNADOT_API_KEY is not: api3 will refuse requests');
    const apiKey = config.apiKey ?? '';
    const api = new Api3Client({ ...limits, apiUrl: resolveApiUrl(config), apiKey, queue: state.queueFor(apiKey, limits) });
    log('info', `using api3 at ${new URL(resolveApiUrl(config)).origin}`);
    return { api, demo: false, close: () => api.close() };
  }
  // Only demo mode needs the simulator: a key-mode start does not load it.
  const { startSimulator } = await import('./simulator/server.js');
  const simulator = await startSimulator({ maxConcurrentPerKey: config.concurrency, persistTo: demoAccount, portfolio: config.demoDomains });
  const api = new Api3Client({ ...limits, apiUrl: simulator.url, apiKey: DEMO_KEY, queue: state.queueFor(DEMO_KEY, limits) });
  log('warn', 'DEMO MODE: no DYNADOT_API_KEY set; serving a simulated account. Set DYNADOT_API_KEY to manage real domains.');
  return {
    api,
    demo: true,
    close: async () => {
      await api.close();
      await simulator.close();
    },
  };
}

async function main(): Promise<void> {
  const parsed = loadConfig(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return;
  }
  const { config } = parsed;
  setLogLevel(config.logLevel);
  // Whoever holds the secret can mint confirmations: it is kept out of every log line like the key.
  if (config.confirmSecret) registerSecret(config.confirmSecret);
  const demo = !(config.apiKey || config.apiUrl);
  const stateDir = config.stateDir ?? defaultStateDir();
  // The demo keeps its account beside its snapshots and audit log, so they tell the same story
  // after a restart; --demo-reset starts all three over from the seed.
  const demoPart = join(stateDir, 'demo');
  if (demo && config.demoReset) {
    rmSync(demoPart, { recursive: true, force: true });
    log('warn', 'DEMO RESET: the simulated account, its snapshots and its audit log start over from the seed');
  } else if (config.demoReset) {
    log('warn', '--demo-reset applies to demo mode only (no DYNADOT_API_KEY); nothing was reset');
  }
  // Snapshots of replaced settings, and by default the audit log, live in the state folder (a
  // demo session keeps its own part of it), or with DYNADOT_STATE_URL in Redis, shared by every
  // instance; the Redis client is loaded only then.
  const state = config.stateUrl
    ? await (await import('./state/redis.js')).connectRedisState({ url: config.stateUrl, dir: stateDir, demo, apiKey: config.apiKey ?? DEMO_KEY })
    : folderState(new StateStore(stateDir, demo), config.auditLog);
  if (config.stateUrl) log('info', `shared state: ${state.name}`);
  const backend = await connectBackend(config, state, join(demoPart, 'account.json'));
  const store = state.snapshots;
  const auditPath = config.stateUrl ? undefined : auditLogPath(config.auditLog, store);
  // Whatever mode an older version, a copy or a umask left: the folder 0700, its files 0600.
  store.tighten();
  if (auditPath) chmodIf(auditPath, 'file', 0o600);
  const unfinished = auditPath ? unfinishedChange(auditPath) : undefined;
  if (unfinished) log('warn', `the audit log ends with an unfinished ${unfinished.tool} (${unfinished.outcome}, ${unfinished.time})`);
  // Registration data of taken names from the registries' RDAP servers; nothing is asked until a research call wants it.
  const rdap = config.rdap === 'on' ? createRdap(config.rdapBootstrap ? { bootstrap: config.rdapBootstrap } : {}) : undefined;
  const options: ServerOptions = {
    api: backend.api,
    ...(rdap ? { rdap } : {}),
    catalog: CATALOG,
    account: accountPort,
    demo: backend.demo,
    readOnly: config.readOnly,
    ...(config.noPurchases ? { noPurchases: true } : {}),
    notYet: NOT_YET,
    ...(config.spendCap !== undefined ? { spendCap: config.spendCap } : {}),
    // DYNADOT_AUDIT_LOG=off turns the audit log off wherever it is kept.
    ...(state.audit && !(config.stateUrl && auditLogPath(config.auditLog, store) === undefined) ? { audit: state.audit } : {}),
    ...(auditPath ? { auditPath } : {}),
    store,
    ...(state.uses ? { uses: state.uses } : {}),
    sharedState: state,
    ...(unfinished ? { unfinished } : {}),
    ...(config.dryRun ? { dryRun: true } : {}),
    // One for the process: every HTTP session (and each stateless request) checks the same ids.
    confirmations: new Confirmations(config.confirmSecret),
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
    ...(config.tools ? { tools: config.tools } : {}),
  };
  const unknownTools = (config.tools ?? []).filter((name) => !CATALOG.some((spec) => spec.name === name));
  if (unknownTools.length > 0) log('warn', `DYNADOT_TOOLS / --tools names unknown tools, ignored: ${unknownTools.join(', ')}`);
  const served = selectTools(CATALOG, options);
  log('info', `mcp-server-dynadot ${PACKAGE_VERSION}: ${served.length} tools${config.readOnly ? ' (read-only)' : ''}${config.noPurchases ? ' (no purchases)' : ''}`);

  let shuttingDown = false;
  const shutdown = async (reason: string, stopTransport: () => Promise<void>) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('info', `shutting down (${reason})`);
    await stopTransport().catch(() => undefined);
    await backend.close().catch(() => undefined);
    await rdap?.close().catch(() => undefined);
    await state.close().catch(() => undefined);
    // Answers already written may still sit in stdout's buffer (a pipe holds 64 KiB): exiting
    // now would cut them off, so wait until stdout has handed everything to the OS.
    await flushed(process.stdout);
    process.exit(0);
  };

  if (config.transport === 'http') {
    const { startHttpServer } = await import('./server/http.js');
    const http = await startHttpServer({ config, makeServer: () => buildServer(options) });
    const mode = config.stateless ? 'stateless' : `up to ${config.maxSessions} sessions`;
    log('info', `listening on ${http.url} (${mode}${config.mcpToken ? ', bearer token required' : ''})`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal, () => http.close()));
    return;
  }

  // The 2025-era protocol (initialize) and 2026-07-28 (server/discover), whichever the client opens with.
  const stdio = serveStdio(() => buildServer(options), { onerror: (error) => log('debug', `stdio: ${error.message}`) });
  const stop = () => stdio.close();
  process.stdin.on('end', () => void shutdown('stdin closed', stop));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal, stop));
}

/** Resolves once everything written to `stream` so far has been handed to the OS (or the stream is gone). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    // A write completes in order, after every write before it: its callback means all are out.
    stream.write('', () => resolve());
  });
}

process.on('unhandledRejection', (error) => log('error', `unhandled rejection: ${errorStack(error)}`));
process.on('uncaughtException', (error) => log('error', `uncaught exception: ${errorStack(error)}`));

main().catch((error: unknown) => {
  process.stderr.write(`${redact(`mcp-server-dynadot: ${errorMessage(error)}`)}\n`);
  process.exit(1);
});
