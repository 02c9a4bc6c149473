import { nameKey } from '../text/name-key';
import { FAMILY_MIN_FILES, familyNameDocs } from './family-names';

describe('familyNameDocs', () => {
  const named = (names: string[]) => {
    const docs = familyNameDocs(names);
    return (words: string) => (docs.get(nameKey(words)) ?? []).map((doc) => names[doc]);
  };

  it('drops a module prefix that many file names start with', () => {
    const names = [
      'rebar_prv_compile',
      'rebar_prv_clean',
      'rebar_prv_shell',
      'rebar_prv_escriptize',
      'rebar_prv_xref',
    ];
    const lookup = named(names);
    expect(lookup('escriptize')).toEqual(['rebar_prv_escriptize']);
    // "rebar" alone starts five names too: "prv escriptize" is a shorter name as well.
    expect(lookup('prv escriptize')).toEqual(['rebar_prv_escriptize']);
  });

  it('drops a kind suffix that many file names end with', () => {
    const lookup = named([
      'AssignableToConstraint',
      'EqualConstraint',
      'EmptyConstraint',
      'RangeConstraint',
      'NotConstraint',
      'Assert',
    ]);
    expect(lookup('assignable to')).toEqual(['AssignableToConstraint']);
    expect(lookup('assert')).toEqual([]);
  });

  it(`needs ${FAMILY_MIN_FILES} file names to make a family, and a rest of three letters`, () => {
    const few = named(['PostgresDriver', 'MysqlDriver', 'SqliteDriver', 'OracleDriver']);
    expect(few('postgres')).toEqual([]);
    const short = named(['IoUtils', 'ArrayUtils', 'StringUtils', 'ClassUtils', 'DateUtils']);
    expect(short('io')).toEqual([]);
    expect(short('date')).toEqual(['DateUtils']);
  });
});
