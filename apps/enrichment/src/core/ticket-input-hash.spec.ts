import { JIRA_RISK_LABEL } from '@sightline/trackers';
import { ticketInputHash } from './ticket-input-hash';

describe('ticketInputHash', () => {
  const ticket = {
    title: 'Invoice rounding',
    description: 'Totals are off by a cent',
    labels: ['billing', 'bug'],
    components: ['api', 'web'],
  };

  it('ignores the order of labels and components and Sightline’s own risk label', () => {
    const reordered = { ...ticket, labels: ['bug', JIRA_RISK_LABEL, 'billing'], components: ['web', 'api'] };
    expect(ticketInputHash(reordered)).toBe(ticketInputHash(ticket));
  });

  it('changes with the title, description, a label or a component', () => {
    const base = ticketInputHash(ticket);
    expect(ticketInputHash({ ...ticket, title: 'Invoice rounding!' })).not.toBe(base);
    expect(ticketInputHash({ ...ticket, description: 'Totals are off' })).not.toBe(base);
    expect(ticketInputHash({ ...ticket, labels: ['billing'] })).not.toBe(base);
    expect(ticketInputHash({ ...ticket, components: ['api'] })).not.toBe(base);
  });

  it('does not let text move between fields unnoticed', () => {
    expect(ticketInputHash({ ...ticket, title: 'a', description: 'b c' })).not.toBe(
      ticketInputHash({ ...ticket, title: 'a b', description: 'c' }),
    );
  });
});
