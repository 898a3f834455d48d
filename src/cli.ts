#!/usr/bin/env node
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CATALOG } from '../tools/index.js';
import { accountPort } from '../tools/ports.js';
import { Api3Client } from './api3/client.js';
import { redact } from './api3/redact.js';
import { loadConfig, resolveApiUrl, USAGE, type Config } from './config.js';
import { log, setLogLevel } from './log.js';
import { fileAuditLog } from './server/audit.js';
import { buildServer, selectTools, type ServerOptions } from './server/server.js';
import { Confirmations } from './server/confirmation.js';
import { auditLogPath, defaultStateDir, StateStore } from './server/state-store.js';
import { registerSecret } from './api3/redact.js';
import { startSimulator } from './simulator/server.js';
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
  const options: ServerOptions = {
    api: backend.api,
    catalog: CATALOG,
    account: accountPort,
    demo: backend.demo,
    readOnly: config.readOnly,
    ...(config.spendCap !== undefined ? { spendCap: config.spendCap } : {}),
    ...(auditPath ? { audit: fileAuditLog(auditPath) } : {}),
    store,
    ...(config.dryRun ? { dryRun: true } : {}),
    // One for the process: every HTTP session (and each stateless request) checks the same ids.
    confirmations: new Confirmations(config.confirmSecret),
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
    ...(config.tools ? { tools: config.tools } : {}),
  };
  const unknownTools = (config.tools ?? []).filter((name) => !CATALOG.some((spec) => spec.name === name));
  if (unknownTools.length > 0) log('warn', `DYNADOT_TOOLS / --tools names unknown tools, ignored: ${unknownTools.join(', ')}`);
  const served = selectTools(CATALOG, options);
  log('info', `mcp-server-dynadot ${PACKAGE_VERSION}: ${served.length} tools${config.readOnly ? ' (read-only)' : ''}`);

  let shuttingDown = false;
  const shutdown = async (reason: string, stopTransport: () => Promise<void>) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('info', `shutting down (${reason})`);
    await stopTransport().catch(() => undefined);
    await backend.close().catch(() => undefined);
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

  const server = buildServer(options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const stop = () => server.close();
  process.stdin.on('end', () => void shutdown('stdin closed', stop));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal, stop));
}

process.on('unhandledRejection', (error) => log('error', `unhandled rejection: ${String((error as Error)?.stack ?? error)}`));
process.on('uncaughtException', (error) => log('error', `uncaught exception: ${String(error?.stack ?? error)}`));

main().catch((error: unknown) => {
  process.stderr.write(`${redact(`mcp-server-dynadot: ${(error as Error)?.message ?? String(error)}`)}\n`);
  process.exit(1);
});
