import type { ImportFacts, Language, SourceFacts } from '../source/source-facts';
import { hasGeneratedHeader } from './generated-code';

/** What one blob contributes to the figures; cached by blob id so unchanged files are never re-read. */
export interface BlobFacts {
  kind: 'source' | 'text' | 'binary' | 'minified';
  language: Language | null;
  loc: number;
  complexity: { max: number; total: number; functions: number; cognitiveMax: number; cognitiveTotal: number };
  imports: ImportFacts[];
  symbols: string[];
  comments: string;
  parseError?: string;
  /** The package or namespace the file declares (Java, Kotlin, C#, Go…), for import resolution. */
  packageName?: string;
  /** Kept for manifests and build configuration, which area detection and import resolution read. */
  text?: string;
  /** Its header says a tool wrote it (see hasGeneratedHeader): left out of the figures unless the attributes say otherwise. */
  generatedHeader?: true;
}

const NO_COMPLEXITY = { max: 0, total: 0, functions: 0, cognitiveMax: 0, cognitiveTotal: 0 };

/** Manifests and resolver configuration: small files whose text the later passes need. */
const KEPT_TEXT =
  /(^|\/)(package\.json|(ts|js)config(\.[^/]*)?\.json|go\.(mod|work)|pom\.xml|(build|settings)\.gradle(\.kts)?|pyproject\.toml|setup\.(py|cfg)|Cargo\.toml|composer\.json|pubspec\.yaml|mix\.exs|Package\.swift|[^/]*\.csproj|[^/]*\.gemspec|Gemfile)$/;
const KEPT_TEXT_MAX = 256 * 1024;

const MINIFIABLE = /\.(js|mjs|cjs|css)$/i;
/** GitHub Linguist's rule for minified scripts and styles: lines longer than this on average. */
const MINIFIED_LINE_LENGTH = 110;

/**
 * A bundled or minified script or stylesheet checked in under a plain name (a vendored
 * `firebase-app.js`): machine-written, so its "functions" and words would pass for the team's code.
 */
export function isMinified(path: string, text: string): boolean {
  if (!MINIFIABLE.test(path) || text.length <= MINIFIED_LINE_LENGTH) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > MINIFIED_LINE_LENGTH;
}

/** git's own test: a NUL byte in the first 8000 bytes makes a blob binary. */
export function isBinary(content: Buffer): boolean {
  const probe = content.subarray(0, 8000);
  return probe.indexOf(0) !== -1;
}

/** Counts lines holding a non-whitespace character: the LOC of files no parser covers. */
export function countNonBlankLines(text: string): number {
  let count = 0;
  let hasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (hasText) count++;
      hasText = false;
    } else if (!hasText && c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) {
      hasText = true;
    }
  }
  return hasText ? count + 1 : count;
}

/** Facts of a blob that is not read as text: binary, or a minified bundle. */
export function unreadFacts(kind: 'binary' | 'minified'): BlobFacts {
  return {
    kind,
    language: null,
    loc: 0,
    complexity: NO_COMPLEXITY,
    imports: [],
    symbols: [],
    comments: '',
  };
}

export function factsFromText(path: string, text: string, source: SourceFacts | undefined): BlobFacts {
  const facts = readFacts(path, text, source);
  if (hasGeneratedHeader(text)) facts.generatedHeader = true;
  return facts;
}

function readFacts(path: string, text: string, source: SourceFacts | undefined): BlobFacts {
  const kept = KEPT_TEXT.test(path) && text.length <= KEPT_TEXT_MAX ? text : undefined;
  if (!source) {
    const facts: BlobFacts = {
      kind: 'text',
      language: null,
      loc: countNonBlankLines(text),
      complexity: NO_COMPLEXITY,
      imports: [],
      symbols: [],
      comments: '',
    };
    if (kept !== undefined) facts.text = kept;
    return facts;
  }
  let max = 0;
  let total = 0;
  let cognitiveMax = 0;
  let cognitiveTotal = 0;
  for (const fn of source.functions) {
    max = Math.max(max, fn.complexity);
    total += fn.complexity;
    cognitiveMax = Math.max(cognitiveMax, fn.cognitive);
    cognitiveTotal += fn.cognitive;
  }
  const facts: BlobFacts = {
    kind: 'source',
    language: source.language,
    loc: source.loc,
    complexity: { max, total, functions: source.functions.length, cognitiveMax, cognitiveTotal },
    imports: source.imports,
    symbols: source.symbols,
    comments: source.comments,
  };
  if (source.parseError !== undefined) facts.parseError = source.parseError;
  if (source.packageName !== undefined) facts.packageName = source.packageName;
  if (kept !== undefined) facts.text = kept;
  return facts;
}
