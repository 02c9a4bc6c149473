import { buildDigest, type DigestSource } from './grooming-digest';
import { renderDigestHtml } from './grooming-digest-html';
import { renderDigestMarkdown } from './grooming-digest-markdown';

const heading = { projectKey: 'SHOP', date: new Date('2026-11-30T08:00:00Z') };
const evidence = {
  tickets: 7,
  p50Days: 5,
  p90Days: 21,
  minDays: 1,
  maxDays: 21,
  keys: ['SHOP-102', 'SHOP-105'],
  estimates: { tickets: 5, medianPoints: 3, medianDaysPerPoint: 1.6 },
};
const SENTENCE =
  'Similar past tickets in these areas took 5–21 days from created to done (P50 5 days, P90 21 days; 7 tickets).' +
  ' Of those with story points (5): median estimate 3 points, median 1.6 days per point.';

function source(key: string, estimation: unknown): DigestSource {
  return {
    ticketKey: key,
    ticket: { title: `Title of ${key}` },
    risk: { repositories: [{ score: 0.9, reasons: [] }], ...(estimation ? { estimation } : {}) },
    matches: [{ repositoryName: 'shop', areas: [{ path: 'packages/billing' }] }],
    riskLevel: 'high',
    previousLevel: 'high',
    updatedAt: new Date('2026-11-29T00:00:00Z'),
  };
}

describe('estimation evidence in the grooming digest', () => {
  const digest = buildDigest([
    source('SHOP-1', { candidates: 20, known: 9, evidence }),
    source('SHOP-2', { candidates: 4, known: 2, evidence: null, withheld: 'too-few-done' }),
    source('SHOP-3', undefined),
    source('SHOP-4', { evidence: { tickets: 'seven' } }),
  ]);

  it('gives each ticket the evidence sentence its stored figures support, and none otherwise', () => {
    expect(Object.fromEntries(digest.tickets.map((t) => [t.ticketKey, t.estimation ?? null]))).toEqual({
      'SHOP-1': SENTENCE,
      'SHOP-2': null,
      'SHOP-3': null,
      'SHOP-4': null,
    });
  });

  it('prints it under the ticket in Markdown and in its own column in HTML', () => {
    expect(renderDigestMarkdown(digest, heading)).toContain(
      `  - ${SENTENCE.replace(/[()]/g, '\\$&')}\n  - Areas: \`packages/billing\`\n`,
    );
    const html = renderDigestHtml(digest, heading);
    expect(html).toContain('<th>Similar past tickets</th>');
    expect(html).toContain(`<td>${SENTENCE}</td>`);
  });
});
