import { formatCount, plural } from '@sightline/analysis';
import type { RiskReference } from '../calibration/risk-reference';
import { FIX_CLAIM_MIN_FIXES, FIX_CLAIM_MIN_MULTIPLE } from '@sightline/analysis';

/**
 * Why an assessment came out as it did, one structured reason per fact, each with the figures it
 * rests on, so a renderer can print one sentence (`describeRiskReason`) or its own wording. Only
 * `hotspot` (and `low-confidence`) moves the level; the others are what to plan for and whom to ask
 * (docs/risk.md). Percentiles are 0..100 within this repository; scores and shares are 0..1.
 */
export type RiskReason =
  | {
      kind: 'hotspot';
      /** The best-matched area. */
      area: string;
      /** Where the matched code sits among the reference (past tickets or past file changes), 0..100. */
      percentile: number;
      basis: RiskReference['basis'];
      /** The matched file that weighs most on the hotspot dimension, and its figures. */
      file: string;
      filePercentile: number | null;
      loc: number;
      authors: number;
      recentRevisions: number;
      windowDays: number;
    }
  | {
      kind: 'fix-rate';
      /** Matched files' fix rate ÷ the repository's mean fix rate per file. */
      multiple: number;
      /** Fix commits per file per `perDays`, weighted by match score. */
      rate: number;
      repositoryRate: number;
      /** The same for the files a typical past change of this repository touched (the reference's median). */
      typicalRate: number;
      perDays: number;
      /** Fix commits on the matched files, counted per file. */
      fixes: number;
      /**
       * The days those fixes were counted over, before the snapshot's head; null (absent in reports
       * made before it was recorded): the files' whole history.
       */
      windowDays?: number | null;
      files: number;
      /**
       * Enough fixes and a high enough multiple to say fixes concentrate here, on a repository
       * where the claim held on its own history.
       */
      supported: boolean;
      /**
       * Present when the figures alone call for the claim: whether it held on this repository's
       * history, i.e. changes whose files took such fixes were followed by another fix more often
       * than the rest (the analysis's backtest; false: not said); null: a snapshot made before the
       * backtest, said on the figures alone.
       */
      heldOnHistory?: boolean | null;
    }
  | {
      kind: 'complexity';
      area: string;
      file: string;
      percentile: number;
      maxComplexity: number;
      totalComplexity: number;
    }
  | { kind: 'bug-fix-share'; area: string; bugFixRevisions: number; revisions: number; share: number }
  | { kind: 'knowledge-island'; area: string; file: string; ownership: number; contact: string | null }
  | {
      /** Like a knowledge island, but its main author is no longer active: nobody active knows it. */
      kind: 'knowledge-loss';
      area: string;
      file: string;
      ownership: number;
      expert: string | null;
      /** Day of the main author's last commit to the repository (YYYY-MM-DD). */
      lastCommit: string;
    }
  | { kind: 'fan-in'; target: string; targetKind: 'file' | 'area'; fanIn: number; percentile: number | null }
  | { kind: 'low-confidence'; confidence: number; minConfidence: number; heldAt: 'medium' }
  | {
      /**
       * Most of the past work most like the ticket changed no source file: it may be such work
       * (documentation, CI, build) itself, and the matched code a guess.
       */
      kind: 'other-work';
      /** That work's share of the similarity, 0..1. */
      share: number;
      /** Such past work, most similar first: its title (may be empty) and the files it changed. */
      examples: { title: string; files: string[] }[];
    }
  | { kind: 'no-match'; why: 'empty' | 'no-signal' }
  | { kind: 'no-figures'; files: string[] };

/** "Also plan for X": an area that changes with the matched code but that the ticket does not point at. */
export interface DependencyWarning {
  kind: 'change-coupling';
  /** The area to plan for. */
  area: string;
  /** The matched area it changes with. */
  coupledWith: string;
  /** code-maat coupling degree, percent: shared commits ÷ the pair's average revisions. */
  degree: number;
  shared: number;
  /** `areas` from area coupling; `files` from file coupling between their files. */
  basis: 'areas' | 'files';
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A "more than X% of" claim rounds down: the most complex file is more complex than 99%, not 100%. */
/** "More … than N%": 99% at most, since a file measured against its peers is never above all of them in words. */
function moreThan(percentile: number): string {
  return `${Math.min(99, Math.floor(percentile))}%`;
}

function times(multiple: number): string {
  return `${multiple >= 10 ? Math.round(multiple) : multiple.toFixed(1)}×`;
}

function rate(value: number): string {
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}

const REFERENCE_NAMES: Record<RiskReference['basis'], string> = {
  matched: "this repository's past changes",
  tickets: "this repository's past tickets",
  changes: "this repository's past file changes",
};

/** An area as a sentence names it: the root area's path `.` means nothing to a reader. */
export function areaName(path: string): string {
  return path === '.' ? 'the repository root' : path;
}

export function referenceName(basis: RiskReference['basis']): string {
  return REFERENCE_NAMES[basis];
}

/**
 * Go imports packages, C# namespaces and Swift modules: a file's importers there import the whole
 * unit it belongs to, and the sentence must not claim they import the file itself.
 */
const IMPORTED_AS_UNIT: Record<string, string> = { go: 'package', cs: 'namespace', swift: 'module' };

function importedTarget(path: string): string {
  const unit = IMPORTED_AS_UNIT[path.slice(path.lastIndexOf('.') + 1)];
  return unit ? `the ${unit} that holds ${path}` : path;
}

const OTHER_WORK_FILES = 2;

/** `; e.g. "Document the retries" (docs/retries.md)`. */
function otherWorkExamples(examples: readonly { title: string; files: string[] }[]): string {
  const example = examples.find((e) => e.files.length > 0);
  if (!example) return '';
  const files = example.files.slice(0, OTHER_WORK_FILES).join(', ');
  const more = example.files.length > OTHER_WORK_FILES ? ', …' : '';
  return example.title ? `; e.g. "${example.title}" (${files}${more})` : `; e.g. ${files}${more}`;
}

export function describeRiskReason(reason: RiskReason): string {
  switch (reason.kind) {
    case 'hotspot': {
      const figures = `${plural(reason.loc, 'code line')}, ${plural(reason.authors, 'author')}, ${plural(reason.recentRevisions, 'change')} in ${reason.windowDays} days`;
      // A file unchanged in the window has no hotspot score: "hotspot percentile 0" beside "the
      // file that contributes most" reads as a contradiction; its figures say why.
      const file =
        reason.filePercentile !== null && Math.round(reason.filePercentile) > 0
          ? `${reason.file} (hotspot percentile ${Math.round(reason.filePercentile)}; ${figures})`
          : `${reason.file} (${figures})`;
      const rank =
        Math.round(reason.percentile) === 0
          ? 'ranks at the bottom of'
          : Math.round(reason.percentile) >= 100
            ? 'ranks above all of'
            : `ranks above ${Math.round(reason.percentile)}% of`;
      return `On size, authors, complexity and recent changes, the matched code in ${areaName(reason.area)} ${rank} ${referenceName(reason.basis)}; the file that contributes most is ${file}.`;
    }
    case 'fix-rate': {
      const within = reason.windowDays ? ` in the last ${formatCount(reason.windowDays)} days` : '';
      const figures = `${rate(reason.rate)} per file per ${reason.perDays} days against ${rate(reason.repositoryRate)} for this repository's average file and ${rate(reason.typicalRate)} for the files of its typical change (${plural(reason.fixes, 'fix commit')}${within} on ${plural(reason.files, 'matched file')})`;
      if (reason.fixes === 0)
        return `No fix commit has touched the matched files${within} (this repository averages ${rate(reason.repositoryRate)} fix commits per file per ${reason.perDays} days).`;
      const level = reason.supported
        ? 'where follow-up fixes concentrate'
        : reason.heldOnHistory === false
          ? "high, yet on this repository's history code with such rates was not followed by more fixes than other code, so no concentration is claimed"
          : reason.multiple < 1
            ? 'below the average file'
            : reason.fixes < FIX_CLAIM_MIN_FIXES
              ? 'too few fixes to call a concentration'
              : reason.rate < reason.typicalRate
                ? 'less than its typical change meets'
                : reason.multiple >= FIX_CLAIM_MIN_MULTIPLE
                  ? 'about what its typical change meets'
                  : 'close to the average';
      return `Fix commits on the matched files: ${figures}; ${times(reason.multiple)} this repository's ${reason.perDays}-day fix rate, ${level}.`;
    }
    case 'complexity':
      return `${reason.file} is more complex than ${moreThan(reason.percentile)} of this repository's code files (most complex function ${reason.maxComplexity}, ${formatCount(reason.totalComplexity)} in total).`;
    case 'bug-fix-share':
      return `${pct(reason.share)} of the changes to ${areaName(reason.area)} were bug fixes (${formatCount(reason.bugFixRevisions)} of ${formatCount(reason.revisions)}).`;
    case 'knowledge-island': {
      const ask = reason.contact
        ? `ask ${reason.contact}, who knows it, to review, and share that knowledge`
        : 'plan a review by someone who knows it';
      return `Knowledge risk: one person wrote ${pct(reason.ownership)} of ${reason.file} (bus factor 1); ${ask}.`;
    }
    case 'knowledge-loss': {
      const who = reason.expert ?? 'the person';
      return `Knowledge risk: ${who} wrote ${pct(reason.ownership)} of ${reason.file} and has not committed since ${reason.lastCommit}; nobody active knows it well, so plan time to learn it and a careful review.`;
    }
    case 'fan-in': {
      const who =
        reason.targetKind === 'file' ? plural(reason.fanIn, 'file') : plural(reason.fanIn, 'other area');
      const peers = reason.targetKind === 'file' ? 'files' : 'areas';
      const rank =
        reason.percentile !== null
          ? `; more importers than ${moreThan(reason.percentile)} of this repository's ${peers}`
          : '';
      const target = reason.targetKind === 'area' ? areaName(reason.target) : importedTarget(reason.target);
      return `${who} ${reason.fanIn === 1 ? 'imports' : 'import'} ${target}: a change there can reach ${reason.fanIn === 1 ? 'it' : 'all of them'} (blast radius${rank}).`;
    }
    case 'low-confidence':
      return `The match is uncertain (confidence ${reason.confidence.toFixed(2)}, below ${reason.minConfidence.toFixed(2)}): the level is held at ${reason.heldAt} until the areas are confirmed.`;
    case 'other-work':
      return `Most of the past work most like this ticket changed no source file (${pct(reason.share)} of the similarity${otherWorkExamples(reason.examples)}): it may be documentation, CI or build work rather than a code change.`;
    case 'no-match':
      return reason.why === 'empty'
        ? 'No code matched: the ticket has no words to match.'
        : "No code matched: nothing in the repository's code matches the ticket.";
    case 'no-figures':
      return `The matched files (${reason.files.join(', ')}) have no code figures in this snapshot, so no level can be derived from them.`;
  }
}

export function describeDependencyWarning(warning: DependencyWarning): string {
  const via = warning.basis === 'areas' ? 'commits' : 'commits to their files';
  return `Also plan for ${areaName(warning.area)}: it changes together with ${areaName(warning.coupledWith)} in ${warning.degree}% of ${via} (${plural(warning.shared, 'shared commit')}).`;
}
