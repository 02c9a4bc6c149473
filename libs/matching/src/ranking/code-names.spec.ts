import { buildMatchIndex, topLevelAssignments } from '../index/match-index';
import { rankTicket } from './ranker';

/** Code names a ticket writes (`Range.readObject`, `mkstemp()`, a setting key) and the files they point at. */
describe('rankTicket: the code names a ticket writes', () => {
  it('prefers the owner of a qualified member over other files declaring the member', () => {
    const owners = buildMatchIndex({
      files: [
        { path: 'src/Range.java', symbols: ['Range', 'readObject', 'contains'] },
        {
          path: 'src/DateParser.java',
          symbols: ['DateParser', 'readObject'],
          comments: 'Parses a date range from text.',
        },
        { path: 'src/Version.java', symbols: ['Version'] },
      ],
    });
    const result = rankTicket(owners, { title: 'Range.readObject() ignores the bounds' });
    expect(result.files.map((f) => f.path)).toEqual(['src/Range.java', 'src/DateParser.java']);
    const [owner, other] = result.files.map((f) => f.reasons.find((r) => r.kind === 'mention')?.share ?? 0);
    expect(owner).toBeGreaterThan(other);
  });

  it('credits a member in full where a lower-case qualifier does not declare it', () => {
    const modules = buildMatchIndex({
      files: [
        { path: 'src/attr/_make.py', symbols: ['attrs', 'define', 'Attribute'] },
        { path: 'src/attr/_funcs.py', symbols: ['evolve', 'asdict'] },
        { path: 'src/attr/validators.py', symbols: ['instance_of'] },
      ],
    });
    const files = rankTicket(modules, { title: 'attrs.evolve() loses private attributes' }).files;
    // The part of a file's score its mentions account for.
    const mentionedIn = (ranked: typeof files, path: string) => {
      const file = ranked.find((f) => f.path === path)!;
      return file.score * file.reasons.reduce((sum, r) => sum + (r.kind === 'mention' ? r.share : 0), 0);
    };
    // `attrs` may be the package or an instance: both its file and evolve's count in full.
    expect(mentionedIn(files, 'src/attr/_funcs.py')).toBeCloseTo(mentionedIn(files, 'src/attr/_make.py'), 3);
    // A type may hold members its parser does not list (`self.hooks`): it stays the owner.
    const types = buildMatchIndex({
      files: [
        { path: 'src/models.py', symbols: ['Request', 'Response', 'prepare'] },
        { path: 'src/hooks.py', symbols: ['dispatch_hook', 'default_hooks'] },
        { path: 'src/sessions.py', symbols: ['Session', 'send'] },
      ],
    });
    const typed = rankTicket(types, { title: 'Add type annotation for Request.hooks' }).files;
    expect(mentionedIn(typed, 'src/models.py')).toBeGreaterThan(mentionedIn(typed, 'src/hooks.py'));
  });

  it('credits a name to the file named after it over shims that declare it too', () => {
    const shims = buildMatchIndex({
      files: [
        { path: 'src/decorator/Entity.ts', symbols: ['Entity'] },
        { path: 'src/decorator/Column.ts', symbols: ['Column'] },
        { path: 'src/decorator/JoinTable.ts', symbols: ['JoinTable'] },
        // A shim for browsers re-declares every decorator as a no-op.
        { path: 'extra/model-shim.js', symbols: ['Entity', 'Column', 'JoinTable'] },
        { path: 'src/metadata/RelationMetadata.ts', symbols: ['RelationMetadata'] },
      ],
    });
    const files = rankTicket(shims, {
      title: 'Custom join table name ignored',
      description:
        '```ts\n@Entity()\nclass Post {\n  @Column() title: string\n  @JoinTable({ name: "post_tags" })\n  tags: Tag[]\n}\n```',
    }).files;
    // The part of each file's score the names account for.
    const named = (path: string) => {
      const file = files.find((f) => f.path === path)!;
      const mentions = file.reasons.filter((r) => r.kind === 'mention');
      return file.score * mentions.reduce((sum, r) => sum + r.share, 0);
    };
    expect(files[0].path).toBe('src/decorator/JoinTable.ts');
    // Three names, each declared at home, give the shim less than one of them gives its home.
    expect(named('extra/model-shim.js')).toBeLessThan(named('src/decorator/Entity.ts'));
  });

  it('weighs a name only the description writes at half of one the title writes', () => {
    const entry = buildMatchIndex({
      files: [
        { path: 'src/api.py', symbols: ['post', 'get'] },
        { path: 'src/utils.py', symbols: ['super_len'], comments: 'Length of a body, string or stream.' },
      ],
    });
    const mentionOf = (ticket: { title: string; description?: string }) => {
      const api = rankTicket(entry, ticket).files.find((f) => f.path === 'src/api.py')!;
      const share = api.reasons.find((r) => r.kind === 'mention')?.share ?? 0;
      return api.score * share;
    };
    const titled = mentionOf({ title: 'Body length wrong in `post()`' });
    const described = mentionOf({
      title: 'Body length wrong',
      description: 'Calling `post(data)` shows it.',
    });
    expect(described).toBeGreaterThan(0);
    expect(described).toBeLessThan(titled * 0.6);
  });

  it('credits a code name no file declares to the few files whose source uses it', () => {
    const used = buildMatchIndex({
      files: [
        { path: 'src/term_impl.py', symbols: ['open_temp'], content: 'fd = tempfile.mkstemp()\nreturn fd' },
        { path: 'src/editor.py', symbols: ['edit'], content: 'def edit(text): return open_editor(text)' },
        { path: 'src/core.py', symbols: ['Command'], comments: 'Every call of the temporary file handling.' },
      ],
    });
    const title = 'Redundant mkstemp() call';
    const on = rankTicket(used, { title });
    const off = rankTicket(used, { title }, { weights: { usedName: 0 } });
    const implOn = on.files.find((f) => f.path === 'src/term_impl.py');
    const implOff = off.files.find((f) => f.path === 'src/term_impl.py');
    expect(implOn?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'mkstemp' }),
    );
    expect(implOff?.reasons.some((r) => r.kind === 'mention')).toBe(false);
    expect(implOn?.score ?? 0).toBeGreaterThan(implOff?.score ?? 1);
    // A file that neither declares nor uses the name gets nothing from it.
    expect(on.files.find((f) => f.path === 'src/editor.py')).toBeUndefined();
  });

  it('takes a module constant as declared where it is assigned, over the files that use it', () => {
    const constants = buildMatchIndex({
      files: [
        {
          path: 'src/utils/patterns.py',
          content: 'import re\n\nwheel_file_re = re.compile(r"^(?P<name>.+)")\n',
        },
        {
          path: 'src/repositories/http.py',
          symbols: ['HttpRepository', 'find_links'],
          comments: 'Finds the links of a page, dotted names too.',
          content:
            'from utils.patterns import wheel_file_re\n\ndef find_links():\n    return wheel_file_re.match(x)\n',
        },
        {
          path: 'src/installer.py',
          content: 'from utils.patterns import wheel_file_re\nm = wheel_file_re.match(name)\n',
        },
      ],
    });
    const result = rankTicket(constants, { title: 'Fix wheel_file_re for dotted names' });
    expect(result.files[0].path).toBe('src/utils/patterns.py');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'wheel_file_re' }),
    );
  });

  it('lists the names a source assigns at the top level, not locals, comparisons or imports', () => {
    const source = [
      'wheel_file_re = re.compile("x")',
      'MAX_SIZE: Final[int] = 10',
      'export const defaultOptions = { a: 1 };',
      "const fs = require('fs');",
      'var ErrClosed = errors.New("closed")',
      'count := 0',
      'def helper():',
      '    local_value = 1',
      'if ready == True:',
      'handler => run()',
    ].join('\n');
    expect([...topLevelAssignments(source)]).toEqual([
      'wheel_file_re',
      'max_size',
      'defaultoptions',
      'errclosed',
      'count',
    ]);
  });

  it('points a setting key at the few files whose source holds every word of it', () => {
    const settings = buildMatchIndex({
      files: [
        {
          path: 'server/ReplicationConfigs.java',
          symbols: ['ReplicationConfigs'],
          content: 'String UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG = "unclean.leader.election.enable";',
        },
        {
          path: 'server/Partition.java',
          symbols: ['Partition', 'electLeader', 'enable'],
          content: 'void electLeader(Leader leader) { if (enable) start(); }',
        },
        { path: 'server/Cleaner.java', symbols: ['Cleaner'], content: 'boolean unclean = true;' },
      ],
    });
    const result = rankTicket(settings, { title: 'Document `unclean.leader.election.enable` for KRaft' });
    expect(result.files[0].path).toBe('server/ReplicationConfigs.java');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'unclean.leader.election.enable' }),
    );
    // Declaring a member called `enable` is not a mention of the key.
    const partition = result.files.find((f) => f.path === 'server/Partition.java');
    expect(partition?.reasons.some((r) => r.kind === 'mention')).toBe(false);
  });

  it('does not credit a code name that many files use', () => {
    const files = Array.from({ length: 13 }, (_, i) => ({
      path: `src/m${i}.py`,
      symbols: [`handler${i}`],
      content: 'value = helper_call(1)',
    }));
    const many = buildMatchIndex({ files });
    const result = rankTicket(many, { title: 'speed up helper_call()' });
    expect(result.files.every((f) => f.reasons.every((r) => r.kind !== 'mention'))).toBe(true);
  });

  it('points a command-line option at the file that reads it, and says it with its dashes', () => {
    const cli = buildMatchIndex({
      files: [
        {
          path: 'lib/cli/run.js',
          symbols: ['builder'],
          content: "exports.builder = { 'forbid-only': { type: 'boolean' }, reporter: {} };",
        },
        { path: 'lib/runner.js', symbols: ['Runner', 'run'], content: 'class Runner { run() {} }' },
      ],
    });
    const [best] = rankTicket(cli, { title: 'Running with `--forbid-only` still runs' }).files;
    expect(best.path).toBe('lib/cli/run.js');
    expect(best.reasons).toContainEqual(expect.objectContaining({ kind: 'mention', text: '--forbid-only' }));
  });
});
