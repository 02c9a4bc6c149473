/**
 * Words that carry no evidence about *where* a change goes: English function words, syntax-only
 * keywords, doc-comment tags, and the words every ticket and commit subject repeats ("fix", "bug").
 * Keywords that double as domain words ("static", "import", "delete", "update", "class") stay in:
 * `send_static_file` and `UpdateQueryBuilder` must still be findable. Checked against the
 * lowercase word before stemming.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been
before being below between both but by can cannot could did do does doing done down during each
either else etc even ever every few for from further get gets got had has have having he her here
hers herself him himself his how however i if in into is it its itself just let lets may me might
more most much must my myself neither no nor not now of off on once one only or other our ours
ourselves out over own per please rather same she should since so some still such than that the
their theirs them themselves then there these they this those though through thus to too under
until up upon us very via was we well were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves don doesn didn
isn wasn aren weren won wouldn shouldn couldn hasn haven hadn ll ve re`;

const CODE = `const def elif else fn func function goto nil none pub self this throw throws true
false try undefined var void`;

const DOC_TAGS = `param params returns inheritdoc author since see todo fixme xxx nbsp
lt gt amp quot eg ie`;

const TICKET_VERBS = `fix fixes fixed fixing bug bugs issue issues ticket allow allows allowed
ensure ensures improve improves improved correctly properly instead`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...words(ENGLISH),
  ...words(CODE),
  ...words(DOC_TAGS),
  ...words(TICKET_VERBS),
]);

export function isStopWord(lowercaseWord: string): boolean {
  return STOP_WORDS.has(lowercaseWord);
}
