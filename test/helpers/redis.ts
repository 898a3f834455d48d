import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real redis-server on a free loopback port, in its own temporary folder, for the replica tests
 * and the bench. Persistence is on (appendonly, fsync always), as the README asks of a
 * deployment, so a restart keeps what was written.
 */
export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** Stops it (SIGTERM, then waits for it to exit); `start` brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, a slow store. */
  freeze(): void;
  thaw(): void;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

export const REDIS_INSTALL_HINT =
  'redis-server is not installed: the replica tests need a real one (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis). .ci/run installs it.';

/** Whether redis-server can be run here. */
export function redisAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * How a suite that needs Redis decides: run it; skip it on a developer machine without
 * redis-server (with the message saying how to install it); fail under CI, where a skip would hide it.
 */
export function redisOrSkip(): { skip: boolean } {
  if (redisAvailable()) return { skip: false };
  if (process.env.CI) throw new Error(`${REDIS_INSTALL_HINT} Under CI it must be present: the replica tests are not skipped there.`);
  process.stderr.write(`skipping the replica tests: ${REDIS_INSTALL_HINT}\n`);
  return { skip: true };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port and answers PING. */
async function waitForPing(port: number, password: string | undefined, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.setTimeout(500);
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.connect(port, '127.0.0.1', () => socket.write(`${password ? `AUTH ${password}\r\n` : ''}PING\r\n`));
      let answer = '';
      socket.on('data', (data) => {
        answer += data.toString();
        // -LOADING while it reads its append-only file back: not ready yet.
        if (answer.includes('+PONG') || answer.includes('-')) {
          socket.destroy();
          resolve(answer.includes('+PONG'));
        }
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** `password`: the server requires it (requirepass), and `url` carries it. */
export async function startRedis(options: { password?: string } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dynadot-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
      ...(options.password ? ['--requirepass', options.password] : []),
    ];
    const started = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    await waitForPing(port, options.password);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGCONT');
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://${options.password ? `:${encodeURIComponent(options.password)}@` : ''}127.0.0.1:${port}`,
    port,
    dir,
    start,
    stop,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
