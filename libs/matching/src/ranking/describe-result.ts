import { IndexField } from '../index/corpus';
import { MatchReason, RankedResult } from './match-result';

/**
 * One plain sentence from a result's strongest reasons, for ticket notes and the CLI. Renderers
 * that want their own wording read `reasons` directly; this is the reference phrasing.
 */
const FIELD_PHRASES: Record<IndexField, string> = {
  name: 'match the file name',
  directories: 'match the folder names',
  symbols: 'match symbol names',
  comments: 'appear in its comments',
  commits: 'appear in the commits that changed it',
  tickets: 'appear in past tickets that changed it',
};

function quoted(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function describeReason(reason: MatchReason): string {
  switch (reason.kind) {
    case 'terms':
      return `${reason.terms.length === 1 ? 'term' : 'terms'} ${quoted(reason.terms)} ${FIELD_PHRASES[reason.field]}`;
    case 'mention':
      if (reason.mention === 'stack-frame') return `a stack-trace frame points at ${reason.text}`;
      return `the ticket names ${reason.mention === 'file' ? 'the file ' : ''}\`${reason.text}\``;
    case 'similar-tickets':
      return `${plural(reason.tickets.length, 'past ticket', 'past tickets')} with similar text changed it (${reason.tickets.map((t) => t.key).join(', ')})`;
    case 'prior':
      switch (reason.prior) {
        case 'change-frequency':
          return `it changed ${plural(reason.value, 'time', 'times')}`;
        case 'recency':
          return `it changed ${plural(reason.value, 'day', 'days')} ago`;
        case 'size':
          return `it is large (${reason.value} lines)`;
        case 'bug-fix-history':
          return `${plural(reason.value, 'past bug fix', 'past bug fixes')} touched it`;
      }
      return '';
    case 'path-rule':
      return `${reason.source} "${reason.value}" maps to ${reason.glob}`;
    case 'feedback':
      return `marked ${reason.verdict} for ${reason.tickets.join(', ')}`;
    case 'files':
      return `best files: ${reason.files.map((f) => f.path).join(', ')}`;
  }
}

export function describeResult(result: RankedResult, maxReasons = 2): string {
  const phrases = result.reasons
    .filter((r) => r.kind !== 'files')
    .slice(0, maxReasons)
    .map(describeReason)
    .filter((p) => p.length > 0);
  if (phrases.length === 0) return '';
  const sentence = phrases.join('; ');
  return sentence[0].toUpperCase() + sentence.slice(1) + '.';
}
