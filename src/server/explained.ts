import { z } from 'zod';

/**
 * Facts several tools' inputs share, said once in the server's instructions instead of in every
 * schema that carries them: what a DNS record's fields mean costs about 50 tokens, and six tools
 * take records. A schema is marked where it is defined (`explainedOnce`), so a tool that takes it
 * brings its fact into the instructions without saying so itself, and a fact no served tool
 * needs is not said.
 */
const registry = z.registry<{ fact: string }>();

/** Marks `schema` as explained by `fact` in the instructions; returns the schema. */
export function explainedOnce<T extends z.ZodType>(schema: T, fact: string): T {
  registry.add(schema, { fact });
  return schema;
}

/** A field's schema under its optional, default and array wrappers: what a mark is on. */
function marked(schema: z.core.$ZodType): string | undefined {
  let current: z.core.$ZodType = schema;
  for (let depth = 0; depth < 6; depth++) {
    const fact = registry.get(current)?.fact;
    if (fact !== undefined) return fact;
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodArray) current = current.element;
    else return undefined;
  }
  return undefined;
}

/** The facts these inputs' top-level fields are marked with, each once, in the order first met. */
export function factsOf(inputs: readonly z.ZodObject[]): string[] {
  const facts = new Set<string>();
  for (const input of inputs) {
    for (const field of Object.values(input.shape)) {
      const fact = marked(field);
      if (fact !== undefined) facts.add(fact);
    }
  }
  return [...facts];
}
