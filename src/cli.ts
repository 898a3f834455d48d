#!/usr/bin/env node
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { CATALOG } from '../tools/index.js';
import { accountPort } from '../tools/ports.js';
import { NOT_YET } from '../tools/not-yet.js';
import { Api3Client } from './api3/client.js';
import { redact } from './api3/redact.js';
import { loadConfig, resolveApiUrl, USAGE, type Config } from './config.js';
import { errorMessage, errorStack, log, setLogLevel } from './log.js';
import { fileAuditLog, unfinishedChange } from './server/audit.js';
import { buildServer, selectTools, type ServerOptions } from './server/server.js';
import { Confirmations } from './server/confirmation.js';
import { auditLogPath, chmodIf, defaultStateDir, StateStore } from './server/state-store.js';
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
async function connectBackend(config: Config): Promise<Backend> {
  const limits = { timeoutMs: config.timeoutMs, concurrency: config.concurrency, ratePerMinute: config.ratePerMinute };
  if (config.apiKey || config.apiUrl) {
    if (!config.apiKey) log('warn', 'DYNADOT_API_URL is set but DYNADOT_API_KEY is not: api3 will refuse requests');
    const api = new Api3Client({ ...limits, apiUrl: resolveApiUrl(config), apiKey: config.apiKey ?? '' });
    log('info', `using api3 at ${new URL(resolveApiUrl(config)).origin}`);
    return { api, demo: false, close: () => api.close() };
  }
  // Only demo mode needs the simulator: a key-mode start does not load it.
  const { startSimulator } = await import('./simulator/server.js');
  const simulator = await startSimulator({ maxConcurrentPerKey: config.concurrency });
  const api = new Api3Client({ ...limits, apiUrl: simulator.url, apiKey: DEMO_KEY });
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
  const backend = await connectBackend(config);
  // Snapshots of replaced settings, and by default the audit log, live in the state folder; a
  // demo session keeps its own part of it.
  const store = new StateStore(config.stateDir ?? defaultStateDir(), backend.demo);
  const auditPath = auditLogPath(config.auditLog, store);
  // Whatever mode an older version, a copy or a umask left: the folder 0700, its files 0600.
  store.tighten();
  if (auditPath) chmodIf(auditPath, 'file', 0o600);
  const unfinished = auditPath ? unfinishedChange(auditPath) : undefined;
  if (unfinished) log('warn', `the audit log ends with an unfinished ${unfinished.tool} (${unfinished.outcome}, ${unfinished.time})`);
  const options: ServerOptions = {
    api: backend.api,
    catalog: CATALOG,
    account: accountPort,
    demo: backend.demo,
    readOnly: config.readOnly,
    ...(config.noPurchases ? { noPurchases: true } : {}),
    notYet: NOT_YET,
    ...(config.spendCap !== undefined ? { spendCap: config.spendCap } : {}),
    ...(auditPath ? { audit: fileAuditLog(auditPath), auditPath } : {}),
    store,
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
