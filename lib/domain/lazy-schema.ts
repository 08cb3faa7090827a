/**
 * A zod schema built the first time it is used instead of when its module
 * loads (docs/ARCHITECTURE.md#content-script-performance).
 *
 * Building zod schemas is most of what the content script does while it is
 * evaluated on a Facebook page: its schemas (messages, log events, the
 * workspace channel, parsed posts) took about two thirds of the script's
 * evaluation in a CPU profile, in one task, before the first post was even
 * looked at. Wrapped in `lazySchema`, each is built in the later task that
 * first parses with it, one at a time.
 *
 * The proxy forwards every property to the built schema, with methods bound
 * to it, so `safeParse`, composition into other schemas (zod reads `_zod`)
 * and `z.infer` behave as with the schema itself.
 */
export function lazySchema<Schema extends object>(build: () => Schema): Schema {
  let built: Schema | undefined;
  const real = (): Schema => (built ??= build());
  return new Proxy({} as Schema, {
    get(_target, key) {
      const schema = real();
      const value: unknown = Reflect.get(schema, key, schema);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(schema)
        : value;
    },
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The (empty) target has no such property: a proxy may not call it non-configurable.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
}
