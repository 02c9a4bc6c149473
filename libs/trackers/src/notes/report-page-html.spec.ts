import { sampleRiskReport } from '@sightline/testing';
import { renderReportPage, type ReportPage } from './report-page-html';

const page = (overrides: Partial<ReportPage> = {}): ReportPage => ({
  report: sampleRiskReport(),
  ticketTitle: 'Retry card payments <b>twice</b>',
  ticketUrl: 'https://shop.atlassian.net/browse/SHOP-1',
  feedbackLabel: 'sightline-wrong-area',
  repositories: [
    {
      name: 'shop',
      head: '0123456789abcdef0123',
      files: [
        { path: 'services/checkout/retry.ts', score: 1, why: 'The word "retry" names this file.' },
        { path: 'services/checkout/<x>.ts', score: 0.42, why: 'The ticket names `charge<T>`.' },
      ],
    },
  ],
  updatedAt: new Date('2026-12-02T09:30:00Z'),
  ...overrides,
});

describe('renderReportPage', () => {
  it("shows what the note says, then every repository's best files with their reasons", () => {
    const html = renderReportPage(page());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>SHOP-1: Sightline report</title>');
    expect(html).toContain(
      '<h1><a href="https://shop.atlassian.net/browse/SHOP-1">SHOP-1</a>: Retry card payments &lt;b&gt;twice&lt;/b&gt;</h1>',
    );
    expect(html).toContain('<strong>HIGH RISK</strong> · confidence 0.78');
    const order = [
      'Likely areas',
      'Why this risk level',
      'Also plan for',
      'Similar past tickets',
      'Why these areas',
      'Best matching files',
    ];
    const positions = order.map((title) => html.indexOf(`<h2>${title}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(
      '<code>services/checkout/</code> (match 0.81)<ul><li>complexity: top 5% (max CC 41)</li>',
    );
    expect(html).toContain(
      '<a href="https://tracker.example/browse/SHOP-812">SHOP-812</a> (Retry failed card payments, took 9 days)',
    );
    expect(html).toContain('<h3>shop at <code>0123456789ab</code></h3>');
    expect(html).toContain(
      '<td>2</td><td><code>services/checkout/&lt;x&gt;.ts</code></td><td>0.42</td><td>The ticket names <code>charge&lt;T&gt;</code>.</td>',
    );
    expect(html).toContain('Updated 2026-12-02 09:30 UTC');
    expect(html).not.toMatch(/<script/i);
  });

  it('links only http(s) addresses, and leaves out sections with nothing to say', () => {
    const html = renderReportPage(
      page({
        ticketUrl: 'javascript:alert(1)',
        report: sampleRiskReport({
          dependencyWarnings: [],
          similarTickets: [{ key: 'SHOP-2', url: 'javascript:alert(2)' as string }],
          lowConfidence: true,
        }),
        repositories: [{ name: 'shop', head: 'abc', files: [] }],
      }),
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<h1>SHOP-1: ');
    expect(html).not.toContain('<h2>Also plan for</h2>');
    expect(html).toContain('<li>SHOP-2</li>');
    expect(html).toContain('If they are off, add the label &quot;sightline-wrong-area&quot; to the issue.');
    expect(html).toContain('<p>No file matched.</p>');
  });
});
