import { CommitRecord, InternTable } from './commit-record';
import { LogParser, subjectOf } from './log-parser';
import { MessageFacts } from './message-facts';
import { parseAnalysisOptions } from '../analysis-options';

const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const H3 = 'c'.repeat(40);

/** Output in the shape `git log -z --numstat` gives for LOG_FORMAT, with awkward paths. */
const OUTPUT = Buffer.concat([
  Buffer.from(
    `${H1}\x1f1700000000\x1fAda\x1fada@example.com\x1ffix: tab\tand newline ENG-7\n\nCo-authored-by: Bob <bob@example.com>\n\x1e\0`,
  ),
  Buffer.from('\n3\t1\tsrc/with\ttab.ts\0-\t-\timg/logo.png\0'),
  Buffer.from('0\t0\t\0old/na\nme.ts\0new/name.ts\0'),
  Buffer.from('2\t0\t'),
  Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x70, 0x79, 0]),
  Buffer.from(`${H2}\x1f1700000100\x1fBob\x1fbob@example.com\x1fempty commit\n\x1e\0`),
  Buffer.from(
    `${H3}\x1f1700000200\x1fCarol\x1fcarol@example.com\x1fSubject line one\nline two\n\nbody\x1fwith separator\n\x1e\0`,
  ),
  Buffer.from('\n1\t1\t-starts-with-dash.ts\0'),
]);

function parse(chunks: Buffer[]): { records: CommitRecord[]; paths: InternTable; identities: InternTable } {
  const paths = new InternTable();
  const identities = new InternTable();
  const records: CommitRecord[] = [];
  const parser = new LogParser(paths, identities, new MessageFacts(parseAnalysisOptions()), (r) =>
    records.push(r),
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { records, paths, identities };
}

function describeRecords({ records, paths, identities }: ReturnType<typeof parse>) {
  return records.map((r) => {
    const changes: [string, number, number, string | null][] = [];
    for (let k = 0; k < r.changes.length; k += 4) {
      changes.push([
        paths.values[r.changes[k]],
        r.changes[k + 1],
        r.changes[k + 2],
        r.changes[k + 3] >= 0 ? paths.values[r.changes[k + 3]] : null,
      ]);
    }
    return {
      hash: r.hash,
      time: r.time,
      author: identities.values[r.author],
      coAuthors: r.coAuthors.map((c) => identities.values[c]),
      fix: r.fix,
      tickets: r.tickets,
      subject: r.subject,
      changes,
    };
  });
}

describe('LogParser', () => {
  const expected = [
    {
      hash: H1,
      time: 1700000000,
      author: 'Ada <ada@example.com>',
      coAuthors: ['Bob <bob@example.com>'],
      fix: true,
      tickets: ['ENG-7'],
      subject: 'fix: tab\tand newline ENG-7',
      changes: [
        ['src/with\ttab.ts', 3, 1, null],
        ['img/logo.png', 0, 0, null],
        ['new/name.ts', 0, 0, 'old/na\nme.ts'],
        ['café.py', 2, 0, null],
      ],
    },
    {
      hash: H2,
      time: 1700000100,
      author: 'Bob <bob@example.com>',
      coAuthors: [],
      fix: false,
      tickets: [],
      subject: 'empty commit',
      changes: [],
    },
    {
      hash: H3,
      time: 1700000200,
      author: 'Carol <carol@example.com>',
      coAuthors: [],
      fix: false,
      tickets: [],
      subject: 'Subject line one line two',
      changes: [['-starts-with-dash.ts', 1, 1, null]],
    },
  ];

  it('parses commits, numstat entries, renames, binary files and non-UTF-8 paths', () => {
    expect(describeRecords(parse([OUTPUT]))).toEqual(expected);
  });

  it('gives the same result however the stream is cut into chunks', () => {
    for (let cut = 1; cut < OUTPUT.length; cut++) {
      const result = describeRecords(parse([OUTPUT.subarray(0, cut), OUTPUT.subarray(cut)]));
      expect(result).toEqual(expected);
    }
    const bytes = [...OUTPUT].map((b) => Buffer.from([b]));
    expect(describeRecords(parse(bytes))).toEqual(expected);
  });

  it('folds the first paragraph into the subject as git does', () => {
    expect(subjectOf('\n  first\nsecond\n\nbody')).toBe('first second');
  });
});
