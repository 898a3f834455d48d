/**
 * The published bin (dist/bin/mcp-server-dynadot.cjs, bundled from this file by src/docs/bundle.ts):
 * it runs the one-file server bundle beside it (server.cjs) and keeps V8's compiled code of that
 * bundle between starts, in the user's cache folder. Compiling the ~3 MB bundle is most of a cold
 * start on Node 20; with the code cache it is a few milliseconds (figures in BENCHMARKS.md).
 *
 * - Node 22.1+ has this built in: module.enableCompileCache.
 * - Node 20 has not: the bundle is compiled with vm.Script and V8's cachedData. The cache file is
 *   named by the bundle's hash, the Node version and the CPU architecture, so an upgrade of either
 *   never reads an old one; V8 itself rejects data made with other flags or for other source.
 *
 * The cache is only an optimisation: a missing, rejected, corrupt or unwritable one costs the
 * compile and nothing else. It is (re)written once, when the process exits, so it holds what the
 * first session compiled, tools/list included; written to a temporary name and renamed, so a reader
 * never sees half a file. Nothing here writes to stdout: in stdio mode it carries only MCP.
 * NODE_DISABLE_COMPILE_CACHE (Node's own switch for its compile cache) turns it off on Node 20 too.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/** The server bundle's content hash, set by src/docs/bundle.ts when it builds this file. */
declare const BUNDLE_HASH: string;

const BUNDLE = join(__dirname, 'server.cjs');
/** Cache files nobody rewrote for this long are removed when a new one is written: old versions' leftovers. */
const STALE_MS = 30 * 24 * 3_600_000;

/** The per-user cache folder (XDG on Linux, the platform's own elsewhere); undefined when there is none. */
function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  // A folder only this user can write: code read from a shared one (the temp dir) could be anybody's.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'mcp-server-dynadot');
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'mcp-server-dynadot', 'cache') : undefined;
  const home = homedir();
  if (!home) return undefined;
  return process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'mcp-server-dynadot') : join(home, '.cache', 'mcp-server-dynadot');
}

function writeCache(dir: string, file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name.endsWith('.v8cache') && path !== file && now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
  }
}

/** Runs the CommonJS bundle as require would, from compiled code kept in `dir` when it is still valid. */
function runCached(dir: string): void {
  const file = join(dir, `server-${BUNDLE_HASH}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    // first start with this bundle and this Node
  }
  // CommonJS's own wrapper, on the first line so that stack traces keep the bundle's line numbers.
  // latin1: the build keeps the bundle ASCII, and a one-byte string needs no UTF-8 decoding.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(BUNDLE, 'latin1')}\n})`;
  const script = new Script(source, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(dir, file, script.createCachedData()));
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${BUNDLE} did not compile to a function`);
  const module = { exports: {}, id: BUNDLE, filename: BUNDLE, loaded: false };
  Reflect.apply(wrapper, module.exports, [module.exports, nodeModule.createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE)]);
}

function start(): void {
  let dir: string | undefined;
  try {
    dir = cacheDir(process.env);
  } catch {
    // no home folder: start without a cache
  }
  // Node 22.1+ only; @types/node 20 does not know it.
  const enableCompileCache: unknown = Reflect.get(nodeModule, 'enableCompileCache');
  if (typeof enableCompileCache === 'function') {
    try {
      Reflect.apply(enableCompileCache, nodeModule, dir ? [dir] : []);
    } catch {
      // a cache that cannot be set up is only a slower start
    }
  } else if (dir && !process.env.NODE_DISABLE_COMPILE_CACHE) {
    runCached(dir);
    return;
  }
  nodeModule.createRequire(BUNDLE)(BUNDLE);
}

start();
