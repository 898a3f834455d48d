import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { errorMessage } from '../log.js';
import { PACKAGE_ROOT } from '../version.js';
import { isRunAsScript } from './generated.js';

/**
 * The second half of `npm run build`, after tsc: the published bin as one bundled server file.
 *
 *   dist/bin/server.cjs               the server: dist/src/cli.js and everything it imports, dependencies included
 *   dist/bin/server.cjs.LEGAL.txt     the licence comments of what it bundles
 *   dist/bin/mcp-server-dynadot.cjs   the bin: src/bin.ts, which runs server.cjs from a V8 code cache
 *
 * A start then reads two files instead of several hundred ES modules. CommonJS, because only a
 * script (vm.Script) can be given V8's cached code on Node 20; the code has no top-level await,
 * the one thing of ESM a CommonJS bundle could not hold, and its dynamic imports (HTTP transport,
 * simulator, undici) become functions inside the bundle that run when first called.
 */
export const BIN_DIR = join('dist', 'bin');
export const SERVER_BUNDLE = join(BIN_DIR, 'server.cjs');
export const BIN = join(BIN_DIR, 'mcp-server-dynadot.cjs');

export async function bundle(root: string = PACKAGE_ROOT): Promise<{ bin: string; server: string; bytes: number }> {
  const common = { bundle: true, platform: 'node', target: 'node20.18', format: 'cjs', logLevel: 'warning' } as const;
  const server = join(root, SERVER_BUNDLE);
  await build({
    ...common,
    entryPoints: [join(root, 'dist', 'src', 'cli.js')],
    outfile: server,
    // A third less to read at every start. Names are kept: stack traces and error names still read.
    minifyWhitespace: true,
    minifySyntax: true,
    // The dependencies' licence notices go beside the bundle (server.cjs.LEGAL.txt), and the
    // bundle stays ASCII (esbuild escapes the rest), which the bin reads as latin1, without decoding.
    legalComments: 'external',
    charset: 'ascii',
    // version.ts finds package.json from its own URL: in the bundle, the bundle's.
    define: { 'import.meta.url': '__bundle_url' },
    // Strict mode first: a statement before "use strict" would turn it into a plain string.
    banner: { js: '"use strict";\nvar __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  // cli.ts's #! line, which esbuild keeps: the bin wraps the bundle in a function, where it would not parse.
  const contents = Buffer.from(readFileSync(server, 'utf8').replace(/^#!.*/, ''));
  if (contents.some((byte) => byte > 0x7f)) throw new Error(`${server} holds non-ASCII bytes: the bin reads it as latin1`);
  writeFileSync(server, contents);
  const bin = join(root, BIN);
  await build({
    ...common,
    entryPoints: [join(root, 'dist', 'src', 'bin.js')],
    outfile: bin,
    define: { BUNDLE_HASH: JSON.stringify(createHash('sha256').update(contents).digest('hex').slice(0, 16)) },
    banner: { js: '#!/usr/bin/env node' },
  });
  chmodSync(bin, 0o755);
  return { bin, server, bytes: contents.length };
}

if (isRunAsScript(import.meta.url)) {
  try {
    const { bin, bytes } = await bundle();
    process.stderr.write(`bundled ${bin} (server ${(bytes / 1024 / 1024).toFixed(1)} MB)\n`);
  } catch (error) {
    process.stderr.write(`bundle failed: ${errorMessage(error)}\n`);
    process.exit(1);
  }
}
