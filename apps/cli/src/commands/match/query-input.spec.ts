import { CliError } from '../../cli-error';
import { parseQueryLines } from './query-input';

describe('parseQueryLines', () => {
  it('reads text and tracker fields, skipping blank lines', () => {
    const lines = parseQueryLines(
      '{"id":1,"text":"Title\\nBody"}\n\n{"id":"b","title":"T","labels":["api"]}\n',
      'q.jsonl',
    );
    expect(lines).toEqual([
      { id: '1', ticket: { key: '1', title: 'Title', description: 'Body' } },
      { id: 'b', ticket: { key: 'b', title: 'T', labels: ['api'], description: undefined } },
    ]);
  });

  it('names every bad line in one error, so a large file is fixed in one pass', () => {
    const content = ['{"id":"a","text":"ok"}', 'not json', '{"text":"no id"}', '{"id":"c"}'].join('\n');
    expect(() => parseQueryLines(content, 'q.jsonl')).toThrow(
      new CliError(
        '3 lines of q.jsonl are not queries, nothing was matched:\n' +
          'q.jsonl:2: not valid JSON\n' +
          'q.jsonl:3: id must be a string or a number\n' +
          'q.jsonl:4: line needs "text" or "title"',
      ),
    );
  });

  it('lists at most twenty bad lines and counts the rest', () => {
    const content = Array.from({ length: 25 }, () => 'x').join('\n');
    let message = '';
    try {
      parseQueryLines(content, 'q.jsonl');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(22);
    expect(message).toContain('q.jsonl:20: not valid JSON');
    expect(message).not.toContain('q.jsonl:21:');
    expect(message.endsWith('… and 5 more')).toBe(true);
  });
});
