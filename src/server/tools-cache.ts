import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tool } from '@modelcontextprotocol/server';
import { isJson } from './condense.js';

/**
 * The tools/list answer kept between starts. Converting every served schema to JSON Schema is
 * the largest part of a cold start after loading the code (tens of milliseconds), and its
 * result only changes with the code and the tool selection: so it is kept in the bin's cache
 * folder under the bundle's hash and a hash of the selection, and a start with the same build
 * and the same selection reads it instead.
 *
 * Only the published bin has a bundle hash (src/bin.ts hands it over); the tsc build and the
 * tests compute tools/list every time. A missing, unreadable or mismatched file is computed
 * anew; a file that cannot be written is no error.
 */
export interface ToolListCache {
  /** The kept answer for `selection`, if it lists exactly `served`, in order. */
  read(selection: string, served: ReadonlyArray<{ name: string }>): Tool[] | undefined;
  write(selection: string, tools: readonly Tool[]): void;
}

/** Everything tools/list depends on besides the code (which the bundle hash stands for): the tools served and how their descriptions are adapted. */
export function toolListSelection(
  options: { readOnly?: boolean; noPurchases?: boolean; notYet?: unknown },
  served: ReadonlyArray<{ name: string }>,
): string {
  return JSON.stringify([served.map((spec) => spec.name), options.readOnly ?? false, options.noPurchases ?? false, options.notYet !== undefined]);
}

/** What src/bin.ts leaves on globalThis before it runs the bundle. */
const BUNDLE_CACHE = Symbol.for('mcp-server-dynadot.bundle-cache');

/** The bin's cache folder and bundle hash, when this process runs the bundle with a cache. */
export function bundleCache(): { dir: string; hash: string } | undefined {
  const value: unknown = Reflect.get(globalThis, BUNDLE_CACHE);
  if (!isJson(value) || typeof value.dir !== 'string' || typeof value.hash !== 'string') return undefined;
  return { dir: value.dir, hash: value.hash };
}

function isTool(value: unknown): value is Tool {
  return isJson(value) && typeof value.name === 'string' && isJson(value.inputSchema);
}

export function fileToolListCache(dir: string, hash: string): ToolListCache {
  const pathOf = (selection: string) => join(dir, `tools-${hash}-${createHash('sha256').update(selection).digest('hex').slice(0, 16)}.json`);
  return {
    read(selection, served) {
      try {
        const value: unknown = JSON.parse(readFileSync(pathOf(selection), 'utf8'));
        if (!isJson(value) || value.selection !== selection || !Array.isArray(value.tools)) return undefined;
        const tools: unknown[] = value.tools;
        if (!tools.every(isTool) || tools.length !== served.length) return undefined;
        return tools.every((tool, i) => tool.name === served[i]?.name) ? tools : undefined;
      } catch {
        return undefined;
      }
    },
    write(selection, tools) {
      const path = pathOf(selection);
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(temporary, JSON.stringify({ selection, tools }), { mode: 0o600 });
        renameSync(temporary, path);
      } catch {
        try {
          unlinkSync(temporary);
        } catch {
          // never written
        }
      }
    },
  };
}
