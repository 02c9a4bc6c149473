import { FixtureRepo } from '@sightline/testing';
import { collectRepositoryCorpus } from './collect-corpus';

describe('collectRepositoryCorpus', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = FixtureRepo.create();
    repo.commit({
      message: 'Add invoice totals PAY-12',
      time: 1_600_000_000,
      files: {
        'billing/invoice.ts':
          '/** Sums invoice lines including tax. */\nexport class InvoiceTotals {\n  sum(lines: number[]): number {\n    return lines.reduce((a, b) => a + b, 0);\n  }\n}\n',
        'README.md': '# Billing\n',
        'reports/ledger.R': 'ledger_balance <- function(entries) {\n  sum(entries)\n}\n',
      },
    });
    repo.commit({
      message: 'fix: rounding of invoice totals PAY-13',
      time: 1_600_000_100,
      moves: [['billing/invoice.ts', 'billing/invoice-totals.ts']],
    });
    repo.commit({
      message: 'fix: rounding of invoice totals again',
      time: 1_600_000_200,
      files: { 'README.md': '# Billing!\n' },
    });
  });
  afterAll(() => repo.dispose());

  it('returns symbols, comments, commit subjects and tickets per file, outside the snapshot', async () => {
    const { corpus, snapshot } = await collectRepositoryCorpus(repo.path);
    expect(corpus.head).toBe(snapshot.repository.head);
    const invoice = corpus.files.find((f) => f.path === 'billing/invoice-totals.ts');
    expect(invoice).toMatchObject({
      area: '.',
      language: 'typescript',
      commitSubjects: ['fix: rounding of invoice totals PAY-13', 'Add invoice totals PAY-12'],
      tickets: ['PAY-12', 'PAY-13'],
    });
    expect(invoice?.symbols).toEqual(expect.arrayContaining(['InvoiceTotals']));
    expect(invoice?.comments).toContain('Sums invoice lines including tax.');
    expect(corpus.files.find((f) => f.path === 'README.md')?.commitSubjects).toEqual([
      'fix: rounding of invoice totals again',
      'Add invoice totals PAY-12',
    ]);
    // R has no parser: its declared names come from the text.
    expect(corpus.files.find((f) => f.path === 'reports/ledger.R')).toMatchObject({
      language: null,
      symbols: ['ledger_balance'],
    });
    expect(corpus.areas).toEqual([
      {
        path: '.',
        name: '.',
        kind: 'directory',
        files: ['README.md', 'billing/invoice-totals.ts', 'reports/ledger.R'],
      },
    ]);
    expect(corpus.tickets.map((t) => [t.key, t.files])).toEqual([
      ['PAY-12', ['README.md', 'billing/invoice-totals.ts', 'reports/ledger.R']],
      ['PAY-13', ['billing/invoice-totals.ts']],
    ]);
    expect(JSON.stringify(snapshot)).not.toContain('Sums invoice lines');
  });
});
