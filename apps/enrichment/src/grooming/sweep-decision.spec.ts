import { z } from 'zod';
import { sweepRunId, sweepVerdict } from './sweep-decision';

describe('sweepVerdict', () => {
  const latest = new Set(['snap-a', 'snap-b']);

  it('enriches a ticket without a report', () => {
    expect(sweepVerdict(undefined, 'h1', latest)).toBe('no-report');
  });

  it('enriches a ticket whose text changed, or whose report kept no text hash', () => {
    expect(sweepVerdict({ inputHash: 'h0', snapshotIds: ['snap-a', 'snap-b'] }, 'h1', latest)).toBe(
      'text-changed',
    );
    expect(sweepVerdict({ inputHash: null, snapshotIds: ['snap-a', 'snap-b'] }, 'h1', latest)).toBe(
      'text-changed',
    );
  });

  it('enriches a ticket whose report was matched against other snapshots', () => {
    expect(sweepVerdict({ inputHash: 'h1', snapshotIds: ['snap-a', 'snap-old'] }, 'h1', latest)).toBe(
      'code-changed',
    );
    expect(sweepVerdict({ inputHash: 'h1', snapshotIds: ['snap-a'] }, 'h1', latest)).toBe('code-changed');
    expect(sweepVerdict({ inputHash: 'h1', snapshotIds: ['snap-a', 'snap-b', 'snap-c'] }, 'h1', latest)).toBe(
      'code-changed',
    );
  });

  it('leaves an up-to-date ticket alone, whatever the order of its snapshots', () => {
    expect(sweepVerdict({ inputHash: 'h1', snapshotIds: ['snap-b', 'snap-a'] }, 'h1', latest)).toBe(
      'up-to-date',
    );
  });
});

describe('sweepRunId', () => {
  const sweep = '3f0c7f9e-8a41-4a55-9b1e-0a1f8b9c2d3e';

  it('is a valid UUID, the same for the same sweep and ticket, different otherwise', () => {
    const id = sweepRunId(sweep, 'SHOP-1');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(sweepRunId(sweep, 'SHOP-1')).toBe(id);
    expect(sweepRunId(sweep, 'SHOP-2')).not.toBe(id);
    expect(sweepRunId('9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'SHOP-1')).not.toBe(id);
  });
});
