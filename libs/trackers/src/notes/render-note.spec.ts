import { adfSchemaErrors, sampleRiskReport } from '@sightline/testing';
import { adfToText } from '../text/adf-text';
import { NOTE_MARKER } from '../tracker-constants';
import { renderLinearNote } from './linear-note.renderer';
import { canonicalJson, renderNote } from './render-note';
import type { RiskNoteReport } from './risk-note-report';

type Node = {
  type: string;
  text?: string;
  marks?: { type: string }[];
  content?: Node[];
  attrs?: Record<string, unknown>;
};

function nodes(node: Node): Node[] {
  return [node, ...(node.content ?? []).flatMap(nodes)];
}

const minimal: RiskNoteReport = sampleRiskReport({
  riskLevel: 'low',
  confidence: 0.3,
  summary: undefined,
  areas: [],
  riskReasons: [],
  dependencyWarnings: [],
  similarTickets: [],
  matchReasons: [],
  lowConfidence: true,
});

describe('renderNote', () => {
  it('renders the same report to the same bytes and hash, and a different report to a different hash', () => {
    const a = renderNote(sampleRiskReport());
    const b = renderNote(sampleRiskReport());
    expect(canonicalJson(a.adf)).toBe(canonicalJson(b.adf));
    expect(a.markdown).toBe(b.markdown);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.contentHash).toBe(b.contentHash);
    expect(renderNote(sampleRiskReport({ confidence: 0.79 })).contentHash).not.toBe(a.contentHash);
    expect(a.marker).toBe(NOTE_MARKER);
  });

  it.each([
    ['full report', sampleRiskReport()],
    ['low-confidence report without areas', minimal],
    [
      'medium risk with odd characters',
      sampleRiskReport({
        riskLevel: 'medium',
        areas: [{ path: 'src/`weird`/[x]*.ts', score: 1, figures: [], reasons: [] }],
      }),
    ],
  ])('produces an ADF document valid against the official schema: %s', (_name, report) => {
    expect(adfSchemaErrors(renderNote(report).adf)).toEqual([]);
  });

  it('builds the Jira note from a heading, a status lozenge, code-marked areas, a warning panel and a link', () => {
    const adf = renderNote(sampleRiskReport()).adf as unknown as Node;
    const all = nodes(adf);
    expect(all[1]).toMatchObject({ type: 'heading', attrs: { level: 3 } });
    expect(all.find((n) => n.type === 'status')?.attrs).toEqual({ text: 'HIGH RISK', color: 'red' });
    expect(all.find((n) => n.type === 'panel')?.attrs).toEqual({ panelType: 'warning' });
    const codeTexts = all.filter((n) => n.marks?.some((m) => m.type === 'code'));
    expect(codeTexts.map((n) => n.text)).toEqual([
      'services/checkout/',
      'libs/payments/stripe/',
      'libs/payments/',
    ]);
    // Jira strips or rejects `code` combined with other marks.
    expect(codeTexts.every((n) => n.marks?.length === 1)).toBe(true);
    expect(
      all.some((n) =>
        n.marks?.some(
          (m) =>
            m.type === 'link' &&
            (m as { attrs?: { href?: string } }).attrs?.href ===
              'https://sightline.example/reports/jira/SHOP-1',
        ),
      ),
    ).toBe(true);
    expect(adfToText(adf)).toContain(NOTE_MARKER);
  });

  it('names the root area in words, not as a path in code', () => {
    const report = sampleRiskReport({
      areas: [
        { path: 'repository root', score: 0.9, figures: [], reasons: [] },
        { path: 'shop (root)', score: 0.5, figures: [], reasons: [] },
      ],
      dependencyWarnings: [{ area: 'repository root', message: 'changes together with src' }],
    });
    const { adf, markdown } = renderNote(report);
    const codeTexts = nodes(adf as unknown as Node).filter((n) => n.marks?.some((m) => m.type === 'code'));
    expect(codeTexts.map((n) => n.text)).toEqual([]);
    expect(adfToText(adf)).toContain('repository root (match 0.90)');
    expect(markdown).toContain('- repository root (match 0.90)');
    expect(markdown).toContain('- shop \\(root\\) (match 0.50)');
    expect(markdown).toContain('> - repository root: changes together with src');
  });

  it('says why a past ticket is listed when its text is not similar', () => {
    const note = renderNote(
      sampleRiskReport({
        similarTickets: [{ key: 'SHOP-640', title: 'Fix rounding', relation: 'also changed src/tax.ts' }],
      }),
    );
    expect(note.markdown).toContain('- SHOP-640 (Fix rounding, also changed src/tax.ts)');
    expect(adfToText(note.adf)).toContain('SHOP-640 (Fix rounding, also changed src/tax.ts)');
  });

  it('says so up front when confidence is low', () => {
    const note = renderNote(minimal);
    const adf = note.adf as unknown as Node;
    expect(nodes(adf).find((n) => n.type === 'panel')?.attrs).toEqual({ panelType: 'info' });
    expect(note.markdown).toContain('> Low confidence: the areas below are a best guess');
  });

  it('tells a reader of an uncertain match how to say it is wrong: the feedback label of their tracker', () => {
    const note = renderNote(minimal);
    expect(note.markdown).toContain('add the label "Sightline: wrong area" to the issue');
    expect(adfToText(note.adf)).toContain('add the label "sightline-wrong-area" to the issue');
    expect(note.markdown).not.toContain('sightline-wrong-area');
    expect(adfToText(note.adf)).not.toContain('Sightline: wrong area');
  });

  it('claims no level when no code matched, and promises no areas', () => {
    const note = renderNote({
      ...minimal,
      confidence: 0,
      riskReasons: ["No code matched: nothing in the repository's code matches the ticket."],
    });
    expect(note.markdown).toContain('**NO RISK LEVEL** · confidence 0.00');
    expect(note.markdown).toContain("No code matched: nothing in the repository's code matches the ticket.");
    expect(note.markdown).not.toContain('LOW RISK');
    expect(note.markdown).not.toContain('the areas below');
    const adf = note.adf as unknown as Node;
    expect(nodes(adf).find((n) => n.type === 'status')?.attrs).toEqual(
      expect.objectContaining({ text: 'NO RISK LEVEL', color: 'neutral' }),
    );
    expect(nodes(adf).some((n) => n.type === 'panel')).toBe(false);
    expect(adfSchemaErrors(note.adf)).toEqual([]);
  });

  it('renders Linear Markdown with escaped text and code spans', () => {
    const markdown = renderLinearNote(
      sampleRiskReport({
        summary: 'Touches *billing* [prod]',
        areas: [
          {
            path: 'src/a`b`.ts',
            score: 0.5,
            figures: [{ label: 'changes', value: '3' }],
            reasons: ['_private_ helper'],
          },
        ],
        riskReasons: [],
        dependencyWarnings: [],
        similarTickets: [{ key: 'ENG-9', url: 'https://tracker.example/ENG-9 (old)' }],
        matchReasons: [],
      }),
      NOTE_MARKER,
    );
    expect(markdown).toBe(
      [
        '### Sightline: code context',
        '',
        '**HIGH RISK** · confidence 0.78',
        '',
        'Touches \\*billing\\* \\[prod\\]',
        '',
        '**Likely areas**',
        '- ``src/a`b`.ts`` (match 0.50)',
        '  - changes: 3',
        '  - \\_private\\_ helper',
        '',
        '**Similar past tickets**',
        '- [ENG-9](https://tracker.example/ENG-9%20%28old%29)',
        '',
        `[Full report](https://sightline.example/reports/jira/SHOP-1) · ${NOTE_MARKER}`,
        '',
      ].join('\n'),
    );
  });

  it('shows the names a reason quotes in backticks as code in every format', () => {
    const reason = 'src/cart.ts: The ticket names `Cart.add` and `*args`; it changed 3 times.';
    const note = renderNote(sampleRiskReport({ matchReasons: [reason, 'an unpaired ` stays text'] }));
    expect(note.markdown).toContain(
      '- src/cart.ts: The ticket names `Cart.add` and `*args`; it changed 3 times.\n- an unpaired \\` stays text',
    );
    expect(adfSchemaErrors(note.adf)).toEqual([]);
    const coded = nodes(note.adf as Node).filter((n) => n.marks?.some((mark) => mark.type === 'code'));
    expect(coded.map((n) => n.text)).toEqual(expect.arrayContaining(['Cart.add', '*args']));
    expect(adfToText(note.adf)).not.toContain('`Cart.add`');
    expect(adfToText(note.adf)).toContain('an unpaired ` stays text');
  });

  it('lists what changed since the previous version under the summary, in both formats', () => {
    const changes = [
      'Risk level rose from medium to high.',
      'Now a hotspot: 12 changes in the last 90 days (was 3).',
    ];
    const note = renderNote(sampleRiskReport({ changes }));
    expect(adfSchemaErrors(note.adf)).toEqual([]);
    const text = adfToText(note.adf);
    expect(text.indexOf('Since the last version of this note')).toBeLessThan(text.indexOf('Likely areas'));
    for (const change of changes) expect(text).toContain(change);
    expect(note.markdown).toContain(
      '**Since the last version of this note**\n- Risk level rose from medium to high.\n- Now a hotspot: 12 changes in the last 90 days \\(was 3\\).\n',
    );
    expect(note.contentHash).not.toBe(renderNote(sampleRiskReport()).contentHash);
  });

  it('rejects invalid reports and markers that would need escaping', () => {
    expect(() => renderNote(sampleRiskReport({ confidence: 1.5 }))).toThrow();
    expect(() => renderNote(sampleRiskReport(), 'sightline note')).toThrow(/marker/);
  });
});
