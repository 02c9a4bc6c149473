import { adfSchemaErrors, sampleRiskReport } from '@sightline/testing';
import { renderNote } from './render-note';

const EVIDENCE =
  'Similar past tickets in these areas took 3–9 days from created to done (P50 3 days, P90 9 days; 7 tickets).';

describe('estimation evidence in the note', () => {
  it('leads the similar-tickets section with the evidence sentence, in both formats', () => {
    const note = renderNote(sampleRiskReport({ estimation: EVIDENCE }));
    expect(adfSchemaErrors(note.adf)).toEqual([]);
    const md = note.markdown.split('\n');
    const at = md.indexOf('**Similar past tickets**');
    expect(md.slice(at, at + 3)).toEqual([
      '**Similar past tickets**',
      'Similar past tickets in these areas took 3–9 days from created to done \\(P50 3 days, P90 9 days; 7 tickets\\).',
      '- [SHOP-812](https://tracker.example/browse/SHOP-812) (Retry failed card payments, took 9 days)',
    ]);
    const adf = JSON.stringify(note.adf);
    expect(adf).toContain(JSON.stringify(EVIDENCE));
    expect(adf.indexOf('Similar past tickets"')).toBeLessThan(adf.indexOf(JSON.stringify(EVIDENCE)));
  });

  it('shows the evidence without a list when no single ticket is listed', () => {
    const note = renderNote(sampleRiskReport({ estimation: EVIDENCE, similarTickets: [] }));
    expect(adfSchemaErrors(note.adf)).toEqual([]);
    expect(note.markdown).toContain(`**Similar past tickets**\n${EVIDENCE.replace(/[()]/g, '\\$&')}\n\n`);
  });

  it('leaves a note without evidence exactly as before (same bytes, same hash)', () => {
    const without = renderNote(sampleRiskReport());
    const undefinedEvidence = renderNote(sampleRiskReport({ estimation: undefined }));
    expect(undefinedEvidence.contentHash).toBe(without.contentHash);
    expect(without.markdown).not.toContain('created to done');
    expect(renderNote(sampleRiskReport({ estimation: EVIDENCE })).contentHash).not.toBe(without.contentHash);
  });
});
