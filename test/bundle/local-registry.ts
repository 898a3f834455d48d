import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/**
 * A loopback npm registry serving the packages already installed in a node_modules folder, so a
 * test can run a real `npm install` (real range resolution, real tarball extraction, real bin
 * links) with no network and without depending on what the npm cache happens to hold.
 *
 * Tarballs are rebuilt from the installed folders, not the published bytes, so their integrity is
 * this registry's own; a fresh npm cache per install keeps that from clashing with cached entries.
 */

export interface LocalRegistry {
  /** Base URL ending in `/`, for `npm_config_registry`. */
  url: string;
  /** Every request path, in arrival order, e.g. `/@scope%2fname` or `/name/-/name-1.0.0.tgz`. */
  requests: string[];
  close(): Promise<void>;
}

interface Installed {
  name: string;
  version: string;
  dir: string;
  manifest: Record<string, unknown>;
}

interface Tarball {
  bytes: Buffer;
  integrity: string;
  shasum: string;
}

/**
 * The package.json fields npm reads from a packument version to resolve and place a package.
 * `bundleDependencies` is left out on purpose: the tarballs here never carry node_modules, so npm
 * has to fetch every dependency from this registry instead.
 */
const MANIFEST_FIELDS = [
  'name',
  'version',
  'description',
  'license',
  'main',
  'type',
  'exports',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'directories',
  'engines',
  'os',
  'cpu',
  'libc',
  'deprecated',
] as const;

export async function startLocalRegistry(nodeModulesDir: string): Promise<LocalRegistry> {
  const packages = collectPackages(nodeModulesDir);
  const tarballs = new Map<string, Promise<Tarball>>();
  const requests: string[] = [];
  let base = '';

  const tarballPath = (pkg: Installed) => `/${pkg.name}/-/${pkg.name.split('/').pop()}-${pkg.version}.tgz`;
  const byTarballPath = new Map<string, Installed>();
  for (const versions of packages.values()) {
    for (const pkg of versions.values()) byTarballPath.set(tarballPath(pkg), pkg);
  }

  const tarballOf = (pkg: Installed): Promise<Tarball> => {
    const key = `${pkg.name}@${pkg.version}`;
    let tarball = tarballs.get(key);
    if (!tarball) {
      tarball = packFolder(pkg.dir);
      tarballs.set(key, tarball);
    }
    return tarball;
  };

  const packument = async (name: string, versions: Map<string, Installed>) => {
    const entries: Record<string, unknown> = {};
    for (const [version, pkg] of versions) {
      const { integrity, shasum } = await tarballOf(pkg);
      const fields: Record<string, unknown> = {};
      for (const field of MANIFEST_FIELDS) {
        if (pkg.manifest[field] !== undefined) fields[field] = pkg.manifest[field];
      }
      entries[version] = { ...fields, name, version, dist: { tarball: new URL(tarballPath(pkg).slice(1), base).href, integrity, shasum } };
    }
    const latest = [...versions.keys()].sort(compareVersions).pop()!;
    return { name, 'dist-tags': { latest }, versions: entries };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const tarballPkg = byTarballPath.get(decodeURIComponent(path));
    if (tarballPkg) {
      const { bytes } = await tarballOf(tarballPkg);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    // npm asks for `/@scope%2fname`; decoding also accepts `%2F` and a literal slash.
    const name = decodeURIComponent(path.slice(1));
    const versions = packages.get(name);
    if (versions) sendJson(res, 200, await packument(name, versions));
    else sendJson(res, 404, { error: 'Not found' }); // npm fails on a required dependency, skips an optional one
  };

  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // npm keeps sockets alive; drop them so close() does not wait for their idle timeout.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
  res.end(bytes);
}

/** name -> version -> installed folder, from every package (hoisted or nested) under nodeModulesDir. */
function collectPackages(nodeModulesDir: string): Map<string, Map<string, Installed>> {
  const packages = new Map<string, Map<string, Installed>>();

  const addPackage = (dir: string) => {
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    } catch {
      return; // not a package (a stray folder, or a half-removed install)
    }
    const { name, version } = manifest;
    if (typeof name === 'string' && typeof version === 'string') {
      let versions = packages.get(name);
      if (!versions) packages.set(name, (versions = new Map()));
      if (!versions.has(version)) versions.set(version, { name, version, dir, manifest });
    }
    walkNodeModules(join(dir, 'node_modules'));
  };

  const walkNodeModules = (dir: string) => {
    for (const entry of safeReaddir(dir)) {
      // .bin, .package-lock.json, .cache, ... are npm's bookkeeping, not packages.
      if (entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (entry.startsWith('@')) {
        for (const scoped of safeReaddir(path)) if (!scoped.startsWith('.')) addPackage(join(path, scoped));
      } else {
        addPackage(path);
      }
    }
  };

  walkNodeModules(nodeModulesDir);
  return packages;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Semver order for plain `x.y.z[-pre]` versions, enough to pick `latest` among installed ones. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === undefined) return 1; // a release sorts above its prereleases
  if (pb.pre === undefined) return -1;
  return pa.pre < pb.pre ? -1 : 1;
}

// ---- tarballs ----------------------------------------------------------------------------------

/** Fixed so the same folder always packs to the same bytes (npm pack does the same). */
const MTIME = Math.floor(Date.UTC(1985, 9, 26, 8, 15) / 1000);

/** A gzip'd tar of a package folder with every entry under `package/`, as npm publishes them. */
async function packFolder(dir: string): Promise<Tarball> {
  const blocks: Buffer[] = [];
  for (const file of listPackageFiles(dir)) {
    const data = readFileSync(join(dir, file.path));
    blocks.push(...tarEntry(`package/${file.path}`, file.mode, data));
  }
  blocks.push(Buffer.alloc(1024)); // end of archive: two zero blocks
  const bytes = await promisify(gzip)(Buffer.concat(blocks));
  return {
    bytes,
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  };
}

/** Regular files under a package folder, forward-slash relative paths, without its own node_modules. */
function listPackageFiles(root: string): Array<{ path: string; mode: number }> {
  const out: Array<{ path: string; mode: number }> = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (prefix === '' && name === 'node_modules') continue;
      const stat = lstatSync(join(dir, name));
      // Symlinks are skipped as npm pack skips them; a published tarball never holds one.
      if (stat.isDirectory()) walk(join(dir, name), `${prefix}${name}/`);
      else if (stat.isFile()) out.push({ path: `${prefix}${name}`, mode: stat.mode & 0o7777 });
    }
  };
  walk(root, '');
  return out;
}

/**
 * One file as tar blocks. Paths that do not fit ustar's 100-byte name field, or are not ASCII, get
 * a PAX extended header (`path=`) first, which npm's tar reader honours.
 */
function tarEntry(path: string, mode: number, data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  let name = path;
  if (Buffer.byteLength(path) > 100 || !/^[\x20-\x7e]*$/.test(path)) {
    const pax = paxRecord('path', path);
    blocks.push(tarHeader(`PaxHeader/${asciiTail(path, 80)}`, 0o644, pax.length, 'x'), padToBlock(pax));
    name = asciiTail(path, 100);
  }
  blocks.push(tarHeader(name, mode, data.length, '0'), padToBlock(data));
  return blocks;
}

/** `<len> key=value\n`, where len counts the whole record including its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body);
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`);
}

/** A readable stand-in name for readers that ignore PAX: the last bytes of the path, ASCII only. */
function asciiTail(path: string, max: number): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(-max);
}

function tarHeader(name: string, mode: number, size: number, type: '0' | 'x'): Buffer {
  const header = Buffer.alloc(512);
  const octal = (value: number, offset: number, width: number) =>
    header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
  header.write(name, 0, 100, 'ascii');
  octal(mode, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(MTIME, 136, 12);
  header.write(type, 156, 1, 'ascii');
  header.write('ustar\x0000', 257, 8, 'ascii'); // magic `ustar\0`, version `00`
  // The checksum is summed with its own field as spaces, then written as 6 octal digits, NUL, space.
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

function padToBlock(data: Buffer): Buffer {
  const rest = data.length % 512;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(512 - rest)]);
}
