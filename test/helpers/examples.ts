import { readFileSync } from 'node:fs';
import examplesJson from './fixtures/api3-examples.json' with { type: 'json' };

/**
 * The api3 document's own examples, one per command (a verbatim copy of
 * ../shared/reference/api3-examples.json, kept in the repository so a clean checkout can run the
 * tests; examples.test.ts checks the copy against the original when it is present).
 */
export interface Api3Example {
  command: string;
  section: string;
  deprecated_use?: string;
  example_query: Record<string, string>;
  example_response?: Record<string, unknown>;
  example_response_text?: string | null;
}

export const EXAMPLES: readonly Api3Example[] = examplesJson as unknown as Api3Example[];

export const EXAMPLE_COMMANDS: ReadonlySet<string> = new Set(EXAMPLES.map((e) => e.command));

export function exampleFor(command: string): Api3Example {
  const found = EXAMPLES.find((e) => e.command === command);
  if (!found) throw new Error(`the api3 document has no example for "${command}"`);
  return found;
}

/** The example request's parameters, `command` removed (the client adds it). */
export function exampleQuery(command: string): Record<string, string> {
  const { command: _command, ...params } = exampleFor(command).example_query;
  return params;
}

/** The example response as api3 would send it (root key included), or undefined when the document has none. */
export function exampleResponse(example: Api3Example): Record<string, unknown> | undefined {
  if (example.example_response) return example.example_response;
  if (typeof example.example_response_text === 'string') return firstJsonObject(example.example_response_text);
  return undefined;
}

/** The example response's root key and the object under it; '' and the whole answer for a root-less one. */
export function exampleRoot(command: string): { root: string; body: Record<string, unknown> } {
  const response = exampleResponse(exampleFor(command));
  if (!response) throw new Error(`the api3 document has no example response for "${command}"`);
  const keys = Object.keys(response);
  const [root] = keys;
  // The newer aftermarket commands answer root-less (`{ "status": "success", "auction_list": [...] }`): the whole answer is the body.
  if (keys.length !== 1 || root === undefined || typeof response[root] !== 'object') return { root: '', body: response };
  return { root, body: response[root] as Record<string, unknown> };
}

/**
 * The first balanced `{...}` in a text (the document follows some JSON examples with a CSV one).
 * The document elides long lists with a line of `...`; those lines are dropped before parsing.
 */
export function firstJsonObject(text: string): Record<string, unknown> {
  const start = text.indexOf('{');
  if (start < 0) throw new Error('no JSON object in the text');
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        const json = text.slice(start, i + 1).replace(/^\s*\.\.\.\s*/gm, '');
        return JSON.parse(json) as Record<string, unknown>;
      }
    }
  }
  throw new Error('unbalanced JSON object in the text');
}

/** The original reference file, when this checkout sits beside ../shared (the project's workspace). */
export function originalExamples(): string | undefined {
  try {
    return readFileSync(new URL('../../../shared/reference/api3-examples.json', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
