import { Injectable, NotFoundException } from '@nestjs/common';
import { TicketReportRepository, type TicketReportRecord } from '@sightline/persistence';
import {
  renderReportPage,
  riskNoteReportSchema,
  type ReportPageRepository,
  type TrackerKind,
} from '@sightline/trackers';
import { feedbackLabelOf } from '../assessment/feedback-label';
import { ReportLinks } from './report-links';

/** One answer for a forged link, another connection's ticket and a ticket with no report: nothing leaks. */
const NOT_FOUND =
  'no report behind this link: open it again from the ticket’s Sightline note (a ticket whose note was removed has none)';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The stored ranking per repository, read leniently: rows written by older versions may lack fields. */
function repositoriesOf(report: TicketReportRecord): ReportPageRepository[] {
  const heads = new Map(report.snapshots.map((s) => [text(s.repositoryId), text(s.head)]));
  return report.matches.map((match) => ({
    name: text(match.repositoryName) || text(match.repositoryId),
    head: heads.get(text(match.repositoryId)) ?? '',
    files: (Array.isArray(match.files) ? (match.files as Record<string, unknown>[]) : []).map((file) => ({
      path: text(file.path),
      score: typeof file.score === 'number' ? file.score : 0,
      why: text(file.why),
    })),
  }));
}

/** The page behind a note's "Full report" link; the link's token is its only credential. */
@Injectable()
export class ReportPages {
  constructor(
    private readonly links: ReportLinks,
    private readonly reports: TicketReportRepository,
  ) {}

  async page(tracker: TrackerKind, ticketKey: string, connectionId: string, token: string): Promise<string> {
    const target = { tracker, connectionId, ticketKey };
    if (!(await this.links.verifies(target, token))) throw new NotFoundException(NOT_FOUND);
    const report = await this.reports.find(connectionId, ticketKey);
    const noteReport = riskNoteReportSchema.safeParse(report?.noteReport);
    if (!report || report.tracker !== tracker || !noteReport.success) throw new NotFoundException(NOT_FOUND);
    return renderReportPage({
      report: noteReport.data,
      ticketTitle: text(report.ticket.title),
      ticketUrl: text(report.ticket.url) || null,
      feedbackLabel: feedbackLabelOf(tracker),
      repositories: repositoriesOf(report),
      updatedAt: new Date(report.updatedAt),
    });
  }
}
