import type { TicketReportRecord } from '@sightline/persistence';
import type { Ticket } from '@sightline/trackers';
import { storedTicketOf, ticketOfReport } from './report-record';

const TICKET: Ticket = {
  tracker: 'jira',
  key: 'SHOP-7',
  id: '10007',
  projectKey: 'SHOP',
  title: 'Invoice rounding with coupons',
  // The words that matter come after 4,000 characters of log output.
  description: `${'log line without signal. '.repeat(400)}See invoiceTotal in billing.`,
  descriptionSource: null,
  type: 'Bug',
  status: { name: 'To Do', category: 'new', phase: 'unstarted' },
  labels: ['customer-reported'],
  components: ['Billing'],
  createdAt: new Date('2026-03-01T09:00:00.000Z'),
  updatedAt: new Date('2026-03-02T09:00:00.000Z'),
  url: 'https://example.atlassian.net/browse/SHOP-7',
};

function reportOf(ticket: Ticket): TicketReportRecord {
  return {
    tracker: ticket.tracker,
    ticketKey: ticket.key,
    ticketId: ticket.id,
    projectKey: ticket.projectKey,
    ticket: JSON.parse(JSON.stringify(storedTicketOf(ticket))) as Record<string, unknown>,
    ticketUpdatedAt: ticket.updatedAt,
    createdAt: new Date('2026-03-03T00:00:00.000Z'),
  } as TicketReportRecord;
}

describe('the ticket a report keeps', () => {
  it('gives a re-check the ticket as the enrichment matched it, long description included', () => {
    const again = ticketOfReport(reportOf(TICKET));
    expect(again).toEqual({ ...TICKET, descriptionSource: null });
    expect(again.description).toContain('invoiceTotal');
  });

  it('keeps as much description as the matcher reads, no more', () => {
    const huge = { ...TICKET, description: 'x'.repeat(50_000) };
    expect(ticketOfReport(reportOf(huge)).description).toHaveLength(20_000);
  });
});
