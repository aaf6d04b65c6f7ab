import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coalesceMutations } from '../../../renderer/sync/coalesce-outbox';
import { pushBatches } from '../../../renderer/sync/outbound-batches';
import { splitSendable } from '../../../renderer/sync/sendable';
import type { Mutation } from '../../../shared/sync/mutation';

const R1 = '0190a000-0000-7000-8000-000000000001';
const R2 = '0190a000-0000-7000-8000-000000000002';

function m(
  mutationId: number,
  recordId: string,
  changes: Record<string, unknown>,
  op: Mutation['op'] = 'upsert',
  baseRevision: number | null = 3,
): Mutation {
  return { mutationId, entity: 'equipment', recordId, op, baseRevision, changes, at: mutationId };
}

describe('coalesceMutations', () => {
  it('folds the changes of each record into one mutation from the first base, carrying the last id', () => {
    const folded = coalesceMutations([
      m(1, R1, { a: 1 }, 'upsert', null),
      m(2, R2, { x: 1 }),
      m(3, R1, { a: 2, b: 1 }, 'upsert', null),
      m(4, R2, {}, 'delete', 5),
    ]);
    expect(folded).toEqual([
      { ...m(3, R1, { a: 2, b: 1 }), baseRevision: null },
      { ...m(4, R2, {}, 'delete'), baseRevision: 3 },
    ]);
  });

  it('keeps every record, the last value of every field, and increasing ids', () => {
    const arb = fc.array(
      fc.record({
        record: fc.constantFrom(R1, R2),
        field: fc.constantFrom('a', 'b', 'c'),
        value: fc.integer(),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (edits) => {
        const mutations = edits.map((e, i) => m(i + 1, e.record, { [e.field]: e.value }));
        const folded = coalesceMutations(mutations);
        expect(new Set(folded.map((f) => f.recordId))).toEqual(new Set(edits.map((e) => e.record)));
        for (let i = 1; i < folded.length; i++)
          expect(folded[i]!.mutationId).toBeGreaterThan(folded[i - 1]!.mutationId);
        for (const f of folded) {
          const last = new Map<string, number>();
          for (const e of edits) if (e.record === f.recordId) last.set(e.field, e.value);
          expect(f.changes).toEqual(Object.fromEntries(last));
          expect(f.mutationId).toBe(
            Math.max(
              ...mutations.filter((x) => x.recordId === f.recordId).map((x) => x.mutationId),
            ),
          );
        }
      }),
    );
  });
});

describe('pushBatches', () => {
  it('keeps the order and respects the count and byte limits', () => {
    const mutations = Array.from({ length: 23 }, (_, i) =>
      m(i + 10, R1, { notes: 'x'.repeat(100) }),
    );
    const byCount = pushBatches(mutations, 10, 1_000_000);
    expect(byCount.map((b) => b.length)).toEqual([10, 10, 3]);
    const size = JSON.stringify(mutations[0]).length + 1;
    const byBytes = pushBatches(mutations, 500, 256 + 5 * size);
    expect(byBytes.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(byBytes.flat().map((x) => x.mutationId)).toEqual(mutations.map((x) => x.mutationId));
  });

  it('sends an oversized mutation alone rather than stalling', () => {
    const batches = pushBatches(
      [m(1, R1, { a: 1 }), m(2, R1, { big: 'x'.repeat(5000) }), m(3, R1, { a: 2 })],
      500,
      1000,
    );
    expect(batches.map((b) => b.map((x) => x.mutationId))).toEqual([[1], [2], [3]]);
  });
});

describe('splitSendable', () => {
  it('keeps out what the server could never take as a request: a bad shape, or bigger than a push', () => {
    const ok = m(1, R1, { notes: 'ok' });
    const badId = { ...m(2, R1, {}), recordId: 'a'.repeat(64) };
    const huge = m(3, R2, { notes: 'x'.repeat(2000) });
    const { sendable, unsendable } = splitSendable([ok, badId, huge], 1500);
    expect(sendable).toEqual([ok]);
    expect(unsendable.map((u) => u.mutation.mutationId)).toEqual([2, 3]);
    expect(unsendable[0]!.message).toMatch(/format invalide \(recordId\)/);
    expect(unsendable[1]!.message).toMatch(/trop volumineuse/);
  });
});
