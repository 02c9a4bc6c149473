import {
  DEFAULT_TICKET_IGNORED_PREFIXES,
  isIgnoredTicketPrefix,
  TICKET_KEY_PATTERN,
} from '@sightline/analysis';

/**
 * What a commit subject carries besides its title: ticket keys, issue and PR numbers, and the
 * closing phrases around them. Evaluation queries, past-ticket titles in notes and explanations
 * are all read without them.
 */

// A key, or a list of them ("HV-406 and HV-437", "[LANG-1, LANG-2]", "CONFIGURATION-715/716").
const KEY_WITH_SHORTHAND = `${TICKET_KEY_PATTERN}(?:/[1-9][0-9]{0,6})*`;
const TICKET_KEYS = new RegExp(
  // Not a key when more dashed numbers follow (a date or a version), as TICKET_KEY_IN_TEXT reads it.
  `\\[?#?\\b(${KEY_WITH_SHORTHAND}(?:\\s*(?:,|&|/|\\+|and)\\s*${KEY_WITH_SHORTHAND})*)\\b(?!-\\d)\\]?:?`,
  'g',
);
const ONE_KEY = new RegExp(TICKET_KEY_PATTERN, 'g');
const STANDARDS: ReadonlySet<string> = new Set(DEFAULT_TICKET_IGNORED_PREFIXES);
const isStandard = (key: string): boolean =>
  isIgnoredTicketPrefix(key.slice(0, key.lastIndexOf('-')), STANDARDS);
/** Ticket keys go; a standard's name (UTF-8, ISO-8859-1, IE8-9) is a word of the title and stays. */
const dropTicketKeys = (match: string, keys: string): string => {
  const standards = (keys.match(ONE_KEY) ?? []).filter(isStandard);
  if (standards.length === 0) return ' ';
  return match.replace(ONE_KEY, (key) => (isStandard(key) ? key : ' '));
};
// `(#12)`, `(#12, #13)`, and with a closing keyword: `(fix #12)`, `(closes #12)`; `owner/repo#12`.
const PR_NUMBER =
  /\(\s*(?:(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?|refs?|see)\s+)?(?:(?:GH-|gh-)?#\d+[\s,]*)+\)|(?:[\w.-]+\/[\w.-]+)?(?:GH-|gh-)?#\d+(?:\s*\/\s*(?:GH-|gh-)?#\d+)*/gi;
// An issue's or a pull request's address (`https://github.com/o/r/issues/904`,
// `http://code.google.com/p/x/issues/detail?id=743`, a Jira `/browse/KEY-1`) is a reference too.
// An address GitHub cut short ("follow up on https://github…") was most likely one of those.
const ISSUE_URL = `https?:\\/\\/(?:\\S*?(?:\\/issues?\\/|\\/pulls?\\/|\\/browse\\/|[?&]id=)[\\w-]*\\d[^\\s)]*|\\S*…)`;
const ISSUE_URLS = new RegExp(ISSUE_URL, 'g');
// `#12`, another repository's `owner/repo#12`, an address, a key (also written `#KEY-12`).
const REFERENCE = `(?:(?:[\\w.-]+\\/[\\w.-]+)?(?:GH-|gh-)?#\\d+|${ISSUE_URL}|#?${TICKET_KEY_PATTERN})`;
const REFERENCES = `${REFERENCE}(?:\\s*(?:,|&|\\/|and)\\s*${REFERENCE})*`;
// "Fix for #12" closes only as a sentence of its own: in "Complete fix for POOL-326" "fix" is the title's.
const CLOSING = `(?:[Ff]ix(?:e[sd])?|[Cc]lose[sd]?|[Rr]esolve[sd]?|[Rr]efs?|[Ss]ee)(?:(?<=(?:^|[.;:!?(]\\s*)\\w+)\\s+for)?(?:\\s+[Ii]ssues?)?:?\\s+`;
// A bracket holding only references, with or without a closing phrase: "[Fixes #1671] Pass …",
// "Trim keys (closes issue #64) before lookup".
const BRACKETED_CLOSE = new RegExp(`[[(]\\s*(?:${CLOSING})?(?:[Ii]ssues?\\s+)?${REFERENCES}\\s*[\\])]`, 'g');
// A label that only introduces references at the start: "Issue #2772: Remove …", "PR #12 - …".
const LEADING_LABEL = new RegExp(
  `^\\s*(?:[Ii]ssues?|[Bb]ugs?|[Tt]ickets?|PR|[Pp]ull [Rr]equest)\\s+${REFERENCES}\\s*(?:[:|–—-]+\\s+|$)`,
);
// GitHub cuts a long subject short inside its PR number when it quotes it: `Revert "… (#…" (#924)`.
const TRUNCATED_PR = /\(?\s*(?:GH-|gh-)?#\d*…/g;
// A PR number in brackets at the very end, after whatever else the subject closes with.
const TRAILING_PR = /[\s.]*\(\s*(?:GH-|gh-)?#\d+\s*\)[\s.]*$/;
// A line of dashes ends the title: git joins a message's first paragraph into the subject, and
// tools append a footer after such a line ("------------- Created by MOE: http://…").
const DASHED_FOOTER = /\s+-{5,}(?:\s.*)?$/;
// A closing phrase that ends the subject ("… link extractors. Fixes GH-838", "This should fix #7",
// "(closes issue #64)", "… to fix issue #3145", "Fix for #3781") goes whole: without its
// references the words would dangle at the end.
const TRAILING_CLOSE = new RegExp(
  `[\\s,;:(-]*\\b(?:(?:[Tt]his|[Ww]hich|[Ii]t)\\s+(?:should\\s+|will\\s+|also\\s+)?|to\\s+)?${CLOSING}` +
    `${REFERENCE}(?:\\s*(?:,|&|and|\\()?\\s*(?:${CLOSING})?${REFERENCE})*[\\s.)"]*$`,
);
// So does the preposition that led to references ending a sentence: "Complete fix for POOL-326",
// "Additional fix for POOL-315. Thanks to …" ("Complete fix for" would dangle).
const PREPOSITION_REFERENCES = new RegExp(
  `\\s+(?:for|in|of|per|from|(?:due\\s+)?to|on|re|with|after|by|via|since)\\s+(?:[Ii]ssues?\\s+)?(?:\\(${REFERENCES}\\)|${REFERENCES})(?=[\\s)]*$|[.,;:!?)]+(?:\\s|$)|\\s+(?:-{1,3}|–|—)\\s)`,
  'g',
);
/** A phrase around references goes, unless a "reference" in it is a standard's name ("fix for UTF-8"). */
const unlessStandard = (match: string): string =>
  (match.match(ONE_KEY) ?? []).some(isStandard) ? match : '';

/** A commit subject without the ticket keys, PR numbers and bullets a ticket title would not hold. */
export function withoutReferences(subject: string): string {
  return tidyTitle(dropReferences(subject));
}

export function dropReferences(subject: string): string {
  return subject
    .replace(DASHED_FOOTER, '')
    .replace(TRAILING_PR, '')
    .replace(TRUNCATED_PR, ' ')
    .replace(LEADING_LABEL, '')
    .replace(TRAILING_CLOSE, unlessStandard)
    .replace(BRACKETED_CLOSE, unlessStandard)
    .replace(PREPOSITION_REFERENCES, unlessStandard)
    .replace(TICKET_KEYS, dropTicketKeys)
    .replace(PR_NUMBER, ' ')
    .replace(ISSUE_URLS, ' ');
}

/**
 * Without brackets a removed reference left empty (a call's `create()` stays), leading bullets,
 * trailing punctuation, spaces before punctuation and doubled spaces.
 */
export function tidyTitle(text: string): string {
  return text
    .replace(/(?<![\w$>\]])\(\s*\)|\(\s+\)|\[\s*\]/g, ' ')
    .replace(/\s+([.,;:!?])(?=\s|$)/g, '$1')
    .replace(/^[\s\-–:;,.|\]]+|[\s\-–:;,.[]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
