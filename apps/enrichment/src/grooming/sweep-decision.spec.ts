import { z } from 'zod';
import { sweepRunId, sweptTicket, sweepVerdict } from './sweep-decision';

describe('sweepVerdict', () => {
  const latest = new Set(['snap-a', 'snap-b']);
  const LIVE = { dryRun: false };
  const read = (inputHash: string, feedbackLabel = false) => ({ inputHash, feedbackLabel });
  const report = (inputHash: string | null, snapshotIds: string[], labelApplicationRecorded = false) => ({
    inputHash,
    snapshotIds,
    labelApplicationRecorded,
    done: false,
  });

  it('enriches a ticket without a report', () => {
    expect(sweepVerdict(undefined, read('h1'), latest, LIVE)).toBe('no-report');
  });

  it('enriches a ticket whose text changed, or whose report kept no text hash', () => {
    expect(sweepVerdict(report('h0', ['snap-a', 'snap-b']), read('h1'), latest, LIVE)).toBe('text-changed');
    expect(sweepVerdict(report(null, ['snap-a', 'snap-b']), read('h1'), latest, LIVE)).toBe('text-changed');
  });

  it('enriches a ticket whose report was matched against other snapshots', () => {
    expect(sweepVerdict(report('h1', ['snap-a', 'snap-old']), read('h1'), latest, LIVE)).toBe('code-changed');
    expect(sweepVerdict(report('h1', ['snap-a']), read('h1'), latest, LIVE)).toBe('code-changed');
    expect(sweepVerdict(report('h1', ['snap-a', 'snap-b', 'snap-c']), read('h1'), latest, LIVE)).toBe(
      'code-changed',
    );
  });

  it('enriches a ticket that was done when last read and is back in the backlog', () => {
    const done = { ...report('h1', ['snap-a', 'snap-b']), done: true };
    expect(sweepVerdict(done, read('h1'), latest, LIVE)).toBe('reopened');
  });

  it('leaves an up-to-date ticket alone, whatever the order of its snapshots', () => {
    expect(sweepVerdict(report('h1', ['snap-b', 'snap-a']), read('h1'), latest, LIVE)).toBe('up-to-date');
  });

  it('follows the feedback label: on and unrecorded, or off while recorded', () => {
    const current = ['snap-a', 'snap-b'];
    for (const mode of [LIVE, { dryRun: true }]) {
      expect(sweepVerdict(report('h1', current), read('h1', true), latest, mode)).toBe('feedback-label');
      expect(sweepVerdict(report('h1', current, true), read('h1', false), latest, mode)).toBe(
        'feedback-label',
      );
    }
  });

  it('finishes an unfinished removal, but leaves a label a dry-run mapping keeps on', () => {
    const current = ['snap-a', 'snap-b'];
    expect(sweepVerdict(report('h1', current, true), read('h1', true), latest, LIVE)).toBe('feedback-label');
    expect(sweepVerdict(report('h1', current, true), read('h1', true), latest, { dryRun: true })).toBe(
      'up-to-date',
    );
  });
});

describe('sweptTicket', () => {
  const ticket = (labels: string[]) => ({
    tracker: 'jira' as const,
    title: 'Checkout retries',
    description: '',
    labels,
    components: [],
  });

  it('hashes the text without the feedback label, and says whether the label is on', () => {
    const plain = sweptTicket(ticket(['payments']));
    const labelled = sweptTicket(ticket(['payments', 'sightline-wrong-area']));
    expect(labelled).toEqual({ inputHash: plain.inputHash, feedbackLabel: true });
    expect(plain.feedbackLabel).toBe(false);
    expect(sweptTicket(ticket(['payments', 'checkout'])).inputHash).not.toBe(plain.inputHash);
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
