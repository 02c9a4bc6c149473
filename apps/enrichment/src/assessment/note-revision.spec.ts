import type { NewTicketReport, TicketReportRecord } from '@sightline/persistence';
import { sampleRiskReport } from '@sightline/testing';
import { renderNote } from '@sightline/trackers';
import { reviseReport } from './note-revision';

function reportWith(
  level: 'low' | 'medium' | 'high',
  recentRevisions: number,
  inputHash = 'text-1',
  reportUrl = 'https://sightline.example/reports/jira/SHOP-1?token=1',
): NewTicketReport {
  const noteReport = sampleRiskReport({ riskLevel: level, reportUrl });
  const note = renderNote(noteReport);
  return {
    connectionId: 'c1',
    tracker: 'jira',
    ticketKey: 'SHOP-1',
    ticketId: '10001',
    projectKey: 'SHOP',
    mappingId: 'm1',
    ticket: { title: 'Invoice rounding' },
    ticketUpdatedAt: new Date('2026-11-01T00:00:00Z'),
    snapshots: [{ repositoryId: 'r1', snapshotId: `s-${recentRevisions}` }],
    matches: [{ repositoryId: 'r1', areas: [] }],
    risk: {
      level,
      repositories: [
        {
          repositoryId: 'r1',
          repositoryName: 'shop',
          reasons: [
            {
              kind: 'hotspot',
              area: 'services/checkout',
              percentile: 50,
              basis: 'tickets',
              file: 'services/checkout/retry.ts',
              filePercentile: 60,
              loc: 300,
              authors: 3,
              recentRevisions,
              windowDays: 90,
              text: 'rendered reason',
            },
          ],
          dependencyWarnings: [],
        },
      ],
    },
    noteReport: noteReport as unknown as Record<string, unknown>,
    noteMarkdown: note.markdown,
    noteAdf: note.adf as unknown as Record<string, unknown>,
    contentHash: note.contentHash,
    inputHash,
    riskLevel: level,
    confidence: 0.78,
    lowConfidence: false,
  };
}

const stored = (report: NewTicketReport): TicketReportRecord => ({
  ...report,
  id: 'report-1',
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
});

describe('reviseReport', () => {
  it('uses the new report as it is when there is no stored one', () => {
    const next = reportWith('medium', 3);
    expect(reviseReport(null, next, { forced: false })).toEqual({ report: next, kept: false, changes: [] });
  });

  it('keeps the stored note and figures when nothing moved beyond the thresholds, but records the new snapshots', () => {
    const previous = stored(reportWith('medium', 3));
    const next = reportWith('medium', 4);
    const revised = reviseReport(previous, next, { forced: false });
    expect(revised.kept).toBe(true);
    expect(revised.report.contentHash).toBe(previous.contentHash);
    expect(revised.report.risk).toBe(previous.risk);
    expect(revised.report.snapshots).toEqual(next.snapshots);
  });

  it('renders a new note that lists what changed when the figures moved', () => {
    const previous = stored(reportWith('medium', 3));
    const revised = reviseReport(previous, reportWith('high', 12), { forced: false });
    expect(revised.kept).toBe(false);
    expect(revised.changes).toEqual([
      'Risk level rose from medium to high.',
      'Now a hotspot: 12 changes in the last 90 days (was 3) in services/checkout.',
    ]);
    expect(revised.report.noteMarkdown).toContain('**Since the last version of this note**');
    expect(revised.report.contentHash).not.toBe(reportWith('high', 12).contentHash);
  });

  it('writes a fresh note when the text changed, or when a user asked for it', () => {
    const previous = stored(reportWith('medium', 3));
    const edited = reportWith('medium', 3, 'text-2');
    expect(reviseReport(previous, edited, { forced: false })).toEqual({
      report: edited,
      kept: false,
      changes: [],
    });
    const same = reportWith('medium', 3);
    expect(reviseReport(previous, same, { forced: true })).toEqual({
      report: same,
      kept: false,
      changes: [],
    });
  });

  it('writes a fresh note when the report link changed (renewed links), though nothing else did', () => {
    const previous = stored(reportWith('medium', 3));
    const relinked = reportWith(
      'medium',
      3,
      'text-1',
      'https://sightline.example/reports/jira/SHOP-1?token=2',
    );
    const revised = reviseReport(previous, relinked, { forced: false });
    expect(revised).toEqual({ report: relinked, kept: false, changes: [] });
    expect(revised.report.noteMarkdown).toContain('token=2');
  });
});
