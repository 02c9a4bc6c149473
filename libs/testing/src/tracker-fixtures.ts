import type { RiskNoteReport } from '@sightline/trackers';

/** A complete, realistic risk report for note rendering and write-back tests. */
export function sampleRiskReport(overrides: Partial<RiskNoteReport> = {}): RiskNoteReport {
  return {
    ticketKey: 'SHOP-1',
    riskLevel: 'high',
    confidence: 0.78,
    summary:
      'The code this ticket touches is where follow-up fixes concentrate: 1.7× this repository’s 30-day fix rate.',
    areas: [
      {
        path: 'services/checkout/',
        score: 0.81,
        figures: [
          { label: 'complexity', value: 'top 5% (max CC 41)' },
          { label: 'changes (90 days)', value: '37' },
          { label: 'bug-fix share', value: '41%' },
        ],
        reasons: ['one person made 86% of recent changes (bus factor 1): ask them to review'],
      },
      {
        path: 'libs/payments/stripe/',
        score: 0.55,
        figures: [{ label: 'fan-in', value: '14 modules' }],
        reasons: [],
      },
    ],
    riskReasons: ['services/checkout/ is a hotspot: size × recent changes in the top 5% of this repository'],
    dependencyWarnings: [
      { area: 'libs/payments/', message: 'changes together with services/checkout/ in 62% of commits' },
    ],
    similarTickets: [
      {
        key: 'SHOP-812',
        title: 'Retry failed card payments',
        url: 'https://tracker.example/browse/SHOP-812',
        duration: '9 days',
      },
      { key: 'SHOP-640', duration: '4 days' },
    ],
    matchReasons: ['title terms "checkout", "retry" match file and symbol names'],
    reportUrl: 'https://sightline.example/reports/jira/SHOP-1',
    lowConfidence: false,
    ...overrides,
  };
}
