/**
 * Structural comparison of a JSON answer against a reference example: every key of the example
 * must exist at the same path of the actual answer, with a value of the same JSON type class.
 * Extra keys in the actual answer are allowed. The result is a list of readable differences
 * (empty when the shapes agree), so a failing test names every path that is off.
 */
export type JsonClass = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function jsonClass(value: unknown): JsonClass {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object') return type as JsonClass;
  throw new Error(`not a JSON value: ${type}`);
}

export interface ShapeOptions {
  /** Leaf keys whose value may be a number or a numeric string (the document mixes them, e.g. ResponseCode). */
  numberOrString?: ReadonlySet<string>;
}

export function shapeDifferences(example: unknown, actual: unknown, options: ShapeOptions = {}, path = '$'): string[] {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const want = jsonClass(example);
  const have = actual === undefined ? 'missing' : jsonClass(actual);
  if (have === 'missing') return [`${path}: missing (example has ${want})`];
  if (want !== have) {
    const mixed = options.numberOrString?.has(key) && (want === 'number' || want === 'string') && (have === 'number' || have === 'string');
    return mixed ? [] : [`${path}: ${have}, example has ${want}`];
  }
  if (want === 'object') {
    const actualObject = actual as Record<string, unknown>;
    return Object.entries(example as Record<string, unknown>).flatMap(([k, v]) =>
      shapeDifferences(v, actualObject[k], options, `${path}.${k}`),
    );
  }
  if (want === 'array') {
    const examples = example as unknown[];
    const actuals = actual as unknown[];
    if (examples.length === 0) return [];
    if (actuals.length === 0) return [`${path}: empty array, example has ${examples.length} element(s)`];
    // Each element of the example must have a counterpart of the same shape in the answer. The
    // answer's first element is the preferred one; another is accepted when the example shows a
    // variant (a second server with glue IPs) the answer lists elsewhere.
    return examples.flatMap((item, i) => {
      const againstFirst = shapeDifferences(item, actuals[0], options, `${path}[${i}]`);
      if (againstFirst.length === 0) return [];
      return actuals.some((candidate) => shapeDifferences(item, candidate, options).length === 0) ? [] : againstFirst;
    });
  }
  return [];
}
