import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.object({ a: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ a: 'x' }).success).toBe(true);
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('composes into other schemas like the schema itself, in objects, unions, arrays and records', () => {
    const id = lazySchema(() => z.string().check(z.regex(/^[a-z]+$/)));
    const kind = lazySchema(() => z.enum(['a', 'b']));
    const event = lazySchema(() =>
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('one'), id }),
        z.object({ type: z.literal('two'), ids: z.array(id), kinds: z.record(id, kind) }),
      ]),
    );
    const batch = z.object({ events: z.array(event), first: z.optional(event) });
    const ok = batch.safeParse({
      events: [
        { type: 'one', id: 'abc' },
        { type: 'two', ids: ['x'], kinds: { y: 'a' } },
      ],
      first: { type: 'one', id: 'q' },
    });
    expect(ok.success).toBe(true);
    const bad = batch.safeParse({ events: [{ type: 'two', ids: ['X1'], kinds: {} }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['events', 0, 'ids', 0]);
    const typed: z.infer<typeof event> = { type: 'one', id: 'abc' };
    expect(event.parse(typed)).toEqual(typed);
  });
});
