import { buildDigest, type DigestSource } from './grooming-digest';

function source(
  key: string,
  level: DigestSource['riskLevel'],
  score: number,
  areas: string[],
  previousLevel: string | null = 'high',
): DigestSource {
  return {
    ticketKey: key,
    ticket: { title: `Title ${key}`, url: `https://jira.example.com/browse/${key}` },
    risk: { repositories: [{ score, reasons: [{ text: `reason of ${key}` }] }] },
    matches: [{ repositoryName: 'shop', areas: areas.map((path) => ({ path })) }],
    riskLevel: level,
    previousLevel,
    updatedAt: new Date('2026-11-01T00:00:00Z'),
  };
}

describe('buildDigest', () => {
  it('lists only high-risk tickets, newly flagged first, then by score and key', () => {
    const digest = buildDigest([
      source('SHOP-10', 'high', 0.7, ['packages/billing']),
      source('SHOP-2', 'high', 0.9, ['packages/ledger']),
      source('SHOP-3', 'medium', 0.99, ['packages/ui']),
      source('SHOP-4', 'high', 0.5, ['packages/billing'], 'medium'),
      source('SHOP-9', 'high', 0.7, ['packages/core']),
    ]);
    expect(digest.tickets.map((t) => [t.ticketKey, t.newlyFlagged])).toEqual([
      ['SHOP-4', true],
      ['SHOP-2', false],
      ['SHOP-9', false],
      ['SHOP-10', false],
    ]);
    expect(digest.tickets[0]).toEqual(
      expect.objectContaining({
        title: 'Title SHOP-4',
        url: 'https://jira.example.com/browse/SHOP-4',
        score: 0.5,
        reasons: ['reason of SHOP-4'],
        areas: ['packages/billing'],
      }),
    );
  });

  it('names the areas two or more flagged tickets share', () => {
    const digest = buildDigest([
      source('SHOP-1', 'high', 0.8, ['packages/billing', 'packages/core']),
      source('SHOP-2', 'high', 0.6, ['packages/billing']),
      source('SHOP-3', 'low', 0.1, ['packages/core']),
    ]);
    expect(digest.sharedAreas).toEqual([{ area: 'packages/billing', tickets: ['SHOP-1', 'SHOP-2'] }]);
  });

  it('treats a first report that is high as newly flagged', () => {
    expect(buildDigest([source('SHOP-1', 'high', 0.8, [], null)]).tickets[0].newlyFlagged).toBe(true);
  });
});
