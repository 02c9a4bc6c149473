import { reportLinkToken, reportPageUrl, type ReportLinkTarget } from './report-links';

describe('report links', () => {
  const key = Buffer.alloc(32, 7);
  const target: ReportLinkTarget = {
    tracker: 'jira',
    connectionId: '5b7f3f2e-8d0c-4a57-9a55-0f7f1c2f3b11',
    ticketKey: 'SHOP-12',
  };

  it('signs the tracker, connection and ticket: the same link every time, and no other ticket’s', () => {
    const token = reportLinkToken(key, target);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reportLinkToken(key, target)).toBe(token);
    const others = [
      { ...target, tracker: 'linear' as const },
      { ...target, connectionId: '5b7f3f2e-8d0c-4a57-9a55-0f7f1c2f3b12' },
      { ...target, ticketKey: 'SHOP-13' },
    ].map((other) => reportLinkToken(key, other));
    expect(new Set([token, ...others]).size).toBe(4);
    expect(reportLinkToken(Buffer.alloc(32, 8), target)).not.toBe(token);
  });

  it('builds the page address under the public URL, with or without its trailing slash', () => {
    const url = reportPageUrl('https://sightline.example.com/', target, 'abc');
    expect(url).toBe(
      'https://sightline.example.com/reports/jira/SHOP-12?connection=5b7f3f2e-8d0c-4a57-9a55-0f7f1c2f3b11&token=abc',
    );
    expect(reportPageUrl('https://sightline.example.com', target, 'abc')).toBe(url);
  });
});
