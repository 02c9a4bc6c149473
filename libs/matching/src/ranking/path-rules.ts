import picomatch from 'picomatch';
import { MatchIndex } from '../index/match-index';

/**
 * Admin-defined mapping from a Jira component or a Linear/Jira label to repository paths
 * (`{ match: "Payments", glob: "services/payments/**" }`). A rule whose `match` equals one of the
 * ticket's components or labels (case-insensitive) marks the files its glob covers.
 */
export interface PathRule {
  match: string;
  glob: string;
}

export interface PathRuleHit {
  source: 'component' | 'label';
  value: string;
  glob: string;
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true });
    if (matcherCache.size > 1000) matcherCache.clear();
    matcherCache.set(glob, m);
  }
  return m;
}

export function pathRuleSignals(
  index: MatchIndex,
  rules: readonly PathRule[],
  components: readonly string[],
  labels: readonly string[],
): Map<number, PathRuleHit[]> {
  const out = new Map<number, PathRuleHit[]>();
  const lowerComponents = new Set(components.map((c) => c.toLowerCase()));
  const lowerLabels = new Set(labels.map((l) => l.toLowerCase()));
  for (const rule of rules) {
    const key = rule.match.toLowerCase();
    const source = lowerComponents.has(key) ? 'component' : lowerLabels.has(key) ? 'label' : undefined;
    if (!source) continue;
    const isMatch = matcher(rule.glob);
    index.paths.forEach((path, doc) => {
      if (!isMatch(path)) return;
      const hits = out.get(doc) ?? [];
      hits.push({ source, value: rule.match, glob: rule.glob });
      out.set(doc, hits);
    });
  }
  return out;
}
