import { assertEveryJobHandled, MissingJobHandlerError } from './job-handlers';
import { InvalidJobPayloadError, jobNamesOf, parseJobPayload, UnknownJobError } from './job-contracts';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QUEUE_NAMES } from './queue-names';

const repositoryId = '3f0c7f9e-8a41-4a55-9b1e-0a1f8b9c2d3e';
const runId = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('job contracts', () => {
  it('accepts a well-formed payload and returns it typed', () => {
    expect(parseJobPayload('repository-analysis', 'analyse-repository', { repositoryId, runId })).toEqual({
      repositoryId,
      runId,
    });
  });

  it('names the bad field of a malformed payload', () => {
    expect(() =>
      parseJobPayload('repository-analysis', 'analyse-repository', { repositoryId: 'x', runId }),
    ).toThrow(InvalidJobPayloadError);
    expect(() =>
      parseJobPayload('repository-analysis', 'analyse-repository', { repositoryId: 'x', runId }),
    ).toThrow(/repositoryId: expected a UUID/);
  });

  it('refuses payload fields the contract does not know, so blobs and secrets cannot ride along', () => {
    expect(() =>
      parseJobPayload('repository-analysis', 'analyse-repository', { repositoryId, runId, token: 'secret' }),
    ).toThrow(InvalidJobPayloadError);
  });

  it('rejects unknown job names', () => {
    expect(() => parseJobPayload('repository-analysis', 'no-such-job' as never, {})).toThrow(UnknownJobError);
  });

  it('fails the boot check when a job name has no handler', () => {
    expect(() => assertEveryJobHandled('repository-analysis', {})).toThrow(MissingJobHandlerError);
    expect(() => assertEveryJobHandled('repository-analysis', {})).toThrow(
      /analyse-repository, refresh-repository/,
    );
    expect(() =>
      assertEveryJobHandled('repository-analysis', { 'analyse-repository': async () => undefined }),
    ).toThrow(/no handler for job name\(s\) refresh-repository$/);
    expect(() =>
      assertEveryJobHandled('repository-analysis', {
        'analyse-repository': async () => undefined,
        'refresh-repository': async () => undefined,
      }),
    ).not.toThrow();
    expect(jobNamesOf('repository-analysis')).toEqual(['analyse-repository', 'refresh-repository']);
  });

  it('carries only ids in the grooming sweep jobs', () => {
    expect(parseJobPayload('grooming-sweep', 'sweep-backlog', { sweepId: runId })).toEqual({
      sweepId: runId,
    });
    expect(parseJobPayload('grooming-sweep', 'scheduled-sweep', { mappingId: runId })).toEqual({
      mappingId: runId,
    });
    expect(() => parseJobPayload('grooming-sweep', 'sweep-backlog', { sweepId: 'x' })).toThrow(
      /sweepId: expected a UUID/,
    );
    expect(() =>
      parseJobPayload('grooming-sweep', 'scheduled-sweep', { mappingId: runId, jql: 'project = X' }),
    ).toThrow(InvalidJobPayloadError);
    expect(jobNamesOf('grooming-sweep')).toEqual(['sweep-backlog', 'scheduled-sweep']);
  });

  it('carries only ids in the enrichment and write-back jobs', () => {
    const payload = { connectionId: repositoryId, ticketKey: 'SHOP-12', runId };
    expect(parseJobPayload('ticket-enrichment', 'enrich-ticket', payload)).toEqual(payload);
    expect(parseJobPayload('tracker-writeback', 'write-note', payload)).toEqual(payload);
    expect(() =>
      parseJobPayload('ticket-enrichment', 'enrich-ticket', { ...payload, ticketKey: 'not a key' }),
    ).toThrow(/ticketKey: expected a ticket key/);
    expect(() =>
      parseJobPayload('tracker-writeback', 'write-note', { ...payload, note: '# Sightline: code context' }),
    ).toThrow(InvalidJobPayloadError);
    expect(parseJobPayload('ticket-enrichment', 'prune-enrichment-history', {})).toEqual({});
    expect(jobNamesOf('ticket-enrichment')).toEqual([
      'enrich-ticket',
      'recheck-repository',
      'prune-enrichment-history',
    ]);
    expect(
      parseJobPayload('ticket-enrichment', 'recheck-repository', { repositoryId, snapshotId: runId }),
    ).toEqual({ repositoryId, snapshotId: runId });
    expect(() =>
      parseJobPayload('ticket-enrichment', 'recheck-repository', { repositoryId, snapshotId: 'x' }),
    ).toThrow(/snapshotId: expected a UUID/);
    expect(jobNamesOf('tracker-writeback')).toEqual(['write-note']);
  });

  it('keeps failed jobs and bounds completed ones on every queue', () => {
    for (const queue of QUEUE_NAMES) {
      const options = DEFAULT_JOB_OPTIONS[queue];
      expect(options.removeOnFail).not.toBe(true);
      expect(options.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
      expect(options.attempts).toBeGreaterThan(1);
      expect(options.backoff).toEqual(expect.objectContaining({ type: 'exponential' }));
    }
  });
});
