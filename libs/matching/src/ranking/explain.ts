import { INDEX_FIELDS } from '../index/corpus';
import { MatchIndex } from '../index/match-index';
import { MatchReason } from './match-result';
import { MatchWeights } from './match-weights';
import { MentionHit } from './mention-signal';
import { NameHit } from './name-signal';
import { PathRuleHit } from './path-rules';
import { isLargeFile, PriorPart } from './priors';
import { ResolvedTerm } from './query-terms';
import { SimilarTicket } from './similar-tickets';
import { FeedbackSignal } from '../feedback/feedback-signal';
import { withoutReferences } from '../text/commit-references';
import { splitIdentifier } from '../text/tokenizer';

/** A file's evidence, each part already weighted: the parts sum to the file's score. */
export interface FileEvidence {
  text: number;
  content: number;
  similar: number;
  similarTickets: SimilarTicket[];
  mention: number;
  mentionHits: MentionHit[];
  name: number;
  nameHits: NameHit[];
  rule: number;
  ruleHits: PathRuleHit[];
  priors: PriorPart[];
  feedback?: FeedbackSignal & { contribution: number };
}

export interface ExplainContext {
  index: MatchIndex;
  query: readonly ResolvedTerm[];
  contentQuery: readonly ResolvedTerm[];
  /** Every term of the ticket as written, known to the index or not ("GraphQL" beside "graph", "ql"). */
  written: readonly string[];
  weights: MatchWeights;
}

// A field is named for a term only when it carried at least this share of the term's score.
const FIELD_SHARE = 0.15;
// Priors are mentioned only when they moved the score noticeably.
const PRIOR_SHARE = 0.05;
const MAX_TERMS = 6;

function share(part: number, total: number): number {
  return total > 0 ? Math.round((Math.abs(part) / total) * 1000) / 1000 : 0;
}

/**
 * The terms as a reason quotes them: an identifier the ticket wrote is indexed whole and by its
 * parts, and "PostgreSQL" says what "postgre" and "sql" would repeat — also where only the parts
 * matched, when every one the index reads did and the index knows the identifier only by its parts
 * (`parseGraphQLRequest` holds "graph" and "ql", and the reader wrote "GraphQL"; `fill_in` is
 * "fill" to the index). Where some file holds the identifier whole, a file holding only its words
 * (`ctx.py` has "session", "refresh" and "request", `app.py` has `SESSION_REFRESH_EACH_REQUEST`) is
 * said to hold the words, not the identifier. `query`: the ticket's terms this index knows.
 */
function asWritten(
  surfaces: readonly string[],
  written: readonly string[],
  query: readonly ResolvedTerm[],
): string[] {
  const listed = new Set(surfaces);
  const knownWhole = new Set(query.map((q) => q.surface));
  const wordsOf = new Map<string, string>();
  for (const identifier of written.filter(isIdentifier)) {
    const parts = splitIdentifier(identifier).filter((p) => written.includes(p));
    const partsSayIt = !knownWhole.has(identifier) && parts.length > 0 && parts.every((p) => listed.has(p));
    if (listed.has(identifier) || partsSayIt) {
      for (const part of parts) if (!wordsOf.has(part)) wordsOf.set(part, identifier);
    }
  }
  return [...new Set(surfaces.map((s) => wordsOf.get(s) ?? s))];
}

function isIdentifier(surface: string): boolean {
  return (surface !== surface.toLowerCase() || /[_$-]/.test(surface)) && splitIdentifier(surface).length > 1;
}

function termReasons(ctx: ExplainContext, doc: number, textPart: number, total: number): MatchReason[] {
  const params = { k1: ctx.weights.k1, fields: INDEX_FIELDS.map((f) => ctx.weights.fields[f]) };
  const shares = ctx.index.textScorer.explain(doc, ctx.query, params);
  const docScore = shares.reduce((a, s) => a + s.score, 0);
  if (docScore <= 0) return [];
  const surfaceOf = new Map(ctx.query.map((q) => [q.termId, q.surface]));
  const reasons: MatchReason[] = [];
  INDEX_FIELDS.forEach((field, f) => {
    const fieldTotal = shares.reduce((a, s) => a + s.fieldScores[f], 0);
    if (fieldTotal <= 0) return;
    const terms = asWritten(
      shares
        .filter((s) => s.fieldScores[f] >= FIELD_SHARE * s.score)
        .sort((a, b) => b.fieldScores[f] - a.fieldScores[f])
        .map((s) => surfaceOf.get(s.termId) ?? ''),
      ctx.written,
      ctx.query,
    ).slice(0, MAX_TERMS);
    if (terms.length === 0) return;
    reasons.push({ kind: 'terms', field, terms, share: share((textPart * fieldTotal) / docScore, total) });
  });
  return reasons;
}

export function explainEvidence(
  ctx: ExplainContext,
  doc: number,
  e: FileEvidence,
  total: number,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  // Each mention's part of the signal in proportion to its own strength: a frame naming the file
  // outweighs a common name the ticket happens to write.
  const mentionStrength = e.mentionHits.reduce((a, hit) => a + hit.strength, 0);
  for (const hit of e.mentionHits) {
    reasons.push({
      kind: 'mention',
      mention: hit.kind,
      text: hit.text,
      share: share((e.mention * hit.strength) / mentionStrength, total),
    });
  }
  for (const hit of e.nameHits) {
    reasons.push({
      kind: 'name',
      target: hit.target,
      text: hit.text,
      share: share(e.name / e.nameHits.length, total),
    });
  }
  if (e.text > 0) reasons.push(...termReasons(ctx, doc, e.text, total));
  if (e.content > 0) {
    const terms = asWritten(
      ctx.contentQuery
        .filter((q) => ctx.index.content.termFrequency(0, q.termId, doc) > 0)
        .map((t) => t.surface),
      ctx.written,
      ctx.contentQuery,
    ).slice(0, MAX_TERMS);
    if (terms.length > 0)
      reasons.push({ kind: 'terms', field: 'content', terms, share: share(e.content, total) });
  }
  if (e.similar > 0 && e.similarTickets.length > 0) {
    reasons.push({
      kind: 'similar-tickets',
      tickets: e.similarTickets.map((t) => ({
        key: ctx.index.pastTickets[t.index].key,
        // The index keeps the commit's words; a reader wants the title without its references.
        title: withoutReferences(ctx.index.pastTickets[t.index].title),
        similarity: Math.round(t.similarity * 1000) / 1000,
      })),
      share: share(e.similar, total),
    });
  }
  for (const hit of e.ruleHits) {
    reasons.push({
      kind: 'path-rule',
      source: hit.source,
      value: hit.value,
      glob: hit.glob,
      share: share(e.rule / e.ruleHits.length, total),
    });
  }
  for (const p of e.priors) {
    if (p.prior === 'size' && !isLargeFile(ctx.index, doc)) continue;
    const s = share(p.contribution, total);
    if (s >= PRIOR_SHARE) reasons.push({ kind: 'prior', prior: p.prior, value: p.value, share: s });
  }
  if (e.feedback) {
    reasons.push({
      kind: 'feedback',
      verdict: e.feedback.verdict,
      tickets: e.feedback.tickets,
      share: share(e.feedback.contribution, total),
    });
  }
  return reasons.sort((a, b) => b.share - a.share);
}
