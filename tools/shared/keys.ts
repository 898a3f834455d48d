/** Whether `key` is one of `map`'s own keys, so indexing it with `key` is typed and safe. */
export function isKeyOf<K extends string>(map: Readonly<Partial<Record<K, unknown>>>, key: string): key is K {
  return Object.hasOwn(map, key);
}

/** A map's own keys, typed as its keys (`Object.keys` says `string[]`): the names of a zod enum over a lookup table. */
export function keysOf<K extends string>(map: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(map).filter((key): key is K => isKeyOf(map, key));
}
