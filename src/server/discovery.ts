import { z } from 'zod';
import type { AnyToolSpec } from './define.js';
import { CALL_TOOL, FIND_TOOLS, TOOLSET_NAMES, TOOLSETS } from './toolsets.js';

/**
 * The discovery pair: `find_tools` finds catalog tools by what they do and hands back their
 * input schemas; `call_tool` calls one of them by name. Together they reach every tool this
 * server's profile allows (read-only, no purchases) at the context cost of two, so the default
 * lists only the everyday tools. `call_tool` is no way around anything: the arguments are
 * checked against the inner tool's own schema, and the call runs through the same gate
 * (confirmation, dry run, spend cap, audit, snapshots) as a direct call of that tool.
 */

const MAX_LIMIT = 20;
const DEFAULT_LIMIT = 5;

export const findToolsInput = z.strictObject({
  query: z.string().max(200).optional().describe('what the user wants done, e.g. "transfer auth code"'),
  toolset: z.enum(TOOLSET_NAMES).exclude(['discover']).optional(),
  limit: z.int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export const callToolInput = z.strictObject({
  name: z.string().min(1).max(64),
  arguments: z.record(z.string(), z.unknown()).default({}),
});

export const DISCOVERY_DESCRIPTIONS = {
  [FIND_TOOLS]:
    'Find tools by need; returns each match with its effect and input schema, for call_tool. Without query: every tool name by toolset.',
  [CALL_TOOL]:
    "Call a tool that find_tools found, by name, with its arguments. Same checks as calling it directly: a destructive tool still needs its own preview's confirm and confirmation_id.",
} as const;

/** Lower-case words of a text, split on anything but letters and digits (`set_dns2` gives set, dns2). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 1);
}

/** Words that say nothing about which tool is meant. */
const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'my', 'me', 'is', 'it', 'do', 'with', 'by', 'from', 'this', 'that', 'what', 'which', 'how', 'i']);

/**
 * How people ask for a tool that api3 names otherwise: "make a new contact" is create_contact,
 * "remove a folder" delete_folder. The stem of the tool's word a query word also stands for,
 * matched as a query word is.
 */
const SAME_AS: Record<string, string> = { make: 'creat', new: 'creat', remove: 'delet', rename: 'name', buy: 'regist' };

/**
 * Whether a query word names a word of a tool: the same word, one a prefix of the other
 * sharing at least four letters (expire / expiry, transfers / transfer, nameserver / name), or
 * the word it stands for (SAME_AS).
 */
function matches(queryWord: string, toolWord: string): boolean {
  const standsFor = SAME_AS[queryWord];
  if (standsFor !== undefined && standsFor !== queryWord && matches(standsFor, toolWord)) return true;
  if (queryWord === toolWord) return true;
  const shorter = Math.min(queryWord.length, toolWord.length);
  if (shorter < 4) return false;
  const stem = Math.max(4, shorter - 2);
  return queryWord.slice(0, stem) === toolWord.slice(0, stem);
}

/**
 * The tools a query is about, best first: each query word scores where it appears, most in the
 * name, then the title and the toolset, then the description, and counts for more the fewer
 * tools have it ("glue" says more than "domain"). Ties keep catalog order.
 */
export function rankTools(specs: readonly AnyToolSpec[], query: string): AnyToolSpec[] {
  const wanted = wordsOf(query).filter((word) => !STOP.has(word));
  if (wanted.length === 0) return [];
  const fieldsOf = (spec: AnyToolSpec): Array<[string[], number]> => [
    [wordsOf(spec.name), 5],
    [wordsOf(spec.title), 3],
    [wordsOf(`${spec.toolset} ${TOOLSETS[spec.toolset].description}`), 2],
    [wordsOf(spec.description), 1],
  ];
  const indexed = specs.map((spec, order) => ({ spec, order, fields: fieldsOf(spec) }));
  const rarity = new Map(
    wanted.map((word) => {
      const having = indexed.filter(({ fields }) => fields.some(([words]) => words.some((w) => matches(word, w)))).length;
      return [word, Math.log(1 + specs.length / Math.max(1, having))];
    }),
  );
  const scored = indexed.map(({ spec, order, fields }) => {
    let score = 0;
    for (const word of wanted) {
      const best = Math.max(0, ...fields.map(([words, weight]) => (words.some((w) => matches(word, w)) ? weight : 0)));
      // A tool matching more of the query's words beats one matching a single word strongly.
      if (best > 0) score += (best + 4) * (rarity.get(word) ?? 1);
    }
    return { spec, order, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.spec);
}

/** Whether a query names `name` (an api3 command not served yet, say): one of its words matches. */
export function names(query: string, name: string): boolean {
  const wanted = wordsOf(query).filter((word) => !STOP.has(word));
  const words = wordsOf(name);
  return wanted.some((word) => words.some((w) => matches(word, w)));
}

/** Every reachable tool name, by toolset: the map an agent starts from without a query. */
export function toolIndex(specs: readonly AnyToolSpec[]): Record<string, string[]> {
  const index: Record<string, string[]> = {};
  for (const name of TOOLSET_NAMES) {
    const names = specs.filter((spec) => spec.toolset === name).map((spec) => spec.name);
    if (names.length > 0) index[name] = names;
  }
  return index;
}
