import { parseAnalysisOptions } from '../analysis-options';
import { MessageFacts } from './message-facts';

describe('MessageFacts', () => {
  const facts = new MessageFacts(parseAnalysisOptions());

  it.each([
    ['fix: null check in parser', true],
    ['Fixes crash on empty input', true],
    ['hotfix for release', true],
    ['Revert "Add cache"', true],
    ['bugfix: rounding', true],
    ['Add prefix support', false],
    ['Update debugger docs', false],
  ])('recognises fixes by subject: %s', (subject, fix) => {
    expect(facts.isFix(subject)).toBe(fix);
  });

  it('finds Jira and Linear keys once each, ignoring names of standards', () => {
    expect(
      facts.ticketKeys(
        'PAY-12: totals (see ENG-7, PAY-12)\n\nUTF-8 and SHA-1 and ISO-8601 are not tickets; nor is A-1, BSD-3, GCC-12 or PSR-4',
      ),
    ).toEqual(['PAY-12', 'ENG-7']);
  });

  it('ignores keys inside HTML comments, which PR templates leave in squash-merged messages', () => {
    const message = [
      'feat(api): Add set_attributes (#6897)',
      '',
      '#### Issues',
      '<!--',
      '* resolves: #1234',
      '* resolves: LIN-1234',
      '-->',
      'Closes PY-2591 <!-- e.g. ENG-1 --> and PY-2600',
    ].join('\n');
    expect(facts.ticketKeys(message)).toEqual(['PY-2591', 'PY-2600']);
  });

  it('ignores keys in quoted lines and fenced code blocks: logs and replies are not references', () => {
    const message = [
      'Timeouts: improve backlog handling (SE-12)',
      '',
      '> Exception: timed out, clientName: NAMISTOU-3(SE.Redis-v2.6.99)',
      '```',
      'at host BUILD-7 in worker',
      '```',
      'Also fixes SE-13, see > note',
    ].join('\n');
    expect(facts.ticketKeys(message)).toEqual(['SE-12', 'SE-13']);
  });

  it('ignores user names in trailers that name a person', () => {
    const message = [
      'fix(dispatcher): remove unreachable assert (#4521)',
      '',
      'Refs NODE-41.',
      '',
      'Signed-off-by: SAY-5 <SAY-5@users.noreply.github.com>',
      'Co-authored-by: ABC-12 <abc@example.com>',
      'Reviewed-by: Ada <ada@example.com>',
    ].join('\n');
    expect(facts.ticketKeys(message)).toEqual(['NODE-41']);
    // A key on a trailer line without an address still counts.
    expect(facts.ticketKeys('Add totals\n\nFixes: PAY-9')).toEqual(['PAY-9']);
  });

  it('ignores a shell default expansion, which looks like a key', () => {
    expect(facts.ticketKeys("Don't suggest removing $ in (( ${COLUMNS-80} )); see OPS-3")).toEqual(['OPS-3']);
  });

  it('ignores a standard with a version number as well (IE8-9, X86-64, SHA256-1, WIN32-2)', () => {
    expect(
      facts.ticketKeys(
        'Support cross domain long polling on IE8-9; build X86-64 and WIN32-2; SHA256-1; see AB2-4',
      ),
    ).toEqual(['AB2-4']);
  });

  it('ignores a code number before a range or a suffix (SC1052-54, STM32F103-2), keeping LOG4J2-12', () => {
    expect(
      facts.ticketKeys(
        'Warn on SC1052-54 and MSC3059-2 for the STM32F103-2 board; see LOG4J2-12 and TAP5-304',
      ),
    ).toEqual(['LOG4J2-12', 'TAP5-304']);
  });

  it('ignores a key-like part of a dashed date or version (SNAPSHOT-2016-05-09), keeping ABC-12-fix', () => {
    expect(
      facts.ticketKeys(
        "Add swift-DEVELOPMENT-SNAPSHOT-2016-05-09 compatibility for RELEASE-1-2 (Merge branch 'ABC-12-fix-login')",
      ),
    ).toEqual(['ABC-12']);
  });

  it('reads project keys longer than Jira Cloud’s 10 characters, and with underscores', () => {
    expect(facts.ticketKeys('[COLLECTIONS-510] Fix MultiValueMap; see DATA_PLATFORM-42')).toEqual([
      'COLLECTIONS-510',
      'DATA_PLATFORM-42',
    ]);
  });

  it('takes a configured pattern, its first group being the key', () => {
    const custom = new MessageFacts(
      parseAnalysisOptions({ ticketPatterns: ['#(\\d+)', '\\b([A-Z]{2,}-\\d+)\\b'] }),
    );
    expect(custom.ticketKeys('Closes #42 and OPS-3')).toEqual(['42', 'OPS-3']);
  });

  it('reads every Co-authored-by line', () => {
    const message =
      'Pair work\n\nCo-authored-by: Bob Smith <bob@example.com>\nco-authored-by:Carol <carol@example.com>\n';
    expect(facts.coAuthors(message)).toEqual([
      { name: 'Bob Smith', email: 'bob@example.com' },
      { name: 'Carol', email: 'carol@example.com' },
    ]);
  });
});
