import picomatch from 'picomatch';
import { readBlobs, TreeEntry } from './tree-reader';

/** `true` set, `false` unset (`-attr`, `attr=false`); absent when no line speaks of the path. */
type AttributeState = boolean | undefined;

interface AttributeRule {
  /** The directory of the `.gitattributes` file, '' for the root, else ending in '/'. */
  directory: string;
  matches: (relativePath: string) => boolean;
  /** The glob as the snapshot records it (relative to the root). */
  glob: string;
  generated?: AttributeState | null;
  vendored?: AttributeState | null;
}

/**
 * What a repository's `.gitattributes` files say about its paths, as GitHub Linguist reads them:
 * `linguist-generated` marks files a tool writes, `linguist-vendored` third-party code. Teams set
 * these for GitHub's language statistics and diffs; the analysis honours them the same way.
 */
export interface LinguistAttributes {
  /** `true` marked generated, `false` marked not generated (overrides the header check), else undefined. */
  generated(path: string): AttributeState;
  vendored(path: string): boolean;
  /** The globs marked vendored or generated, relative to the root, for the snapshot's record. */
  readonly globs: string[];
}

export const NO_ATTRIBUTES: LinguistAttributes = {
  generated: () => undefined,
  vendored: () => false,
  globs: [],
};

const ATTRIBUTES_FILE = /(^|\/)\.gitattributes$/;
const TRUE_VALUES = new Set(['', 'true']);

/** Reads every `.gitattributes` in the tree (one `git cat-file`), deeper files overriding shallower ones, as git does. */
export async function readLinguistAttributes(
  cwd: string,
  entries: readonly TreeEntry[],
  signal?: AbortSignal,
): Promise<LinguistAttributes> {
  const files = entries
    .filter((e) => ATTRIBUTES_FILE.test(e.path) && !e.missing)
    .sort((a, b) => depth(a.path) - depth(b.path));
  if (files.length === 0) return NO_ATTRIBUTES;
  const texts: string[] = files.map(() => '');
  await readBlobs(
    cwd,
    files.map((f) => f.oid),
    (index, content) => {
      texts[index] = content.toString('utf8');
    },
    signal,
  );
  return linguistAttributes(files.map((f, i) => ({ path: f.path, text: texts[i] })));
}

/** The pure part of readLinguistAttributes: files in order from the root down. */
export function linguistAttributes(files: readonly { path: string; text: string }[]): LinguistAttributes {
  const rules = files.flatMap((file) =>
    parseAttributesFile(file.path.slice(0, file.path.length - '.gitattributes'.length), file.text),
  );
  if (rules.length === 0) return NO_ATTRIBUTES;
  const lastState = (path: string, attribute: 'generated' | 'vendored'): AttributeState => {
    let state: AttributeState = undefined;
    for (const rule of rules) {
      const value = rule[attribute];
      if (value === undefined || !path.startsWith(rule.directory)) continue;
      if (rule.matches(path.slice(rule.directory.length))) state = value ?? undefined;
    }
    return state;
  };
  // Each path is asked about several times (tree, content pass, every commit's changes).
  const generated = new Map<string, AttributeState>();
  const vendored = new Map<string, boolean>();
  return {
    generated: (path) => {
      if (!generated.has(path)) generated.set(path, lastState(path, 'generated'));
      return generated.get(path);
    },
    vendored: (path) => {
      let known = vendored.get(path);
      if (known === undefined) vendored.set(path, (known = lastState(path, 'vendored') === true));
      return known;
    },
    globs: rules.filter((r) => r.generated === true || r.vendored === true).map((r) => r.glob),
  };
}

function depth(path: string): number {
  return path.split('/').length;
}

/** One file's lines: `pattern attr…`, where attr is `name`, `-name`, `!name` or `name=value`. */
function parseAttributesFile(directory: string, text: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // Comments, blank lines and macro definitions (`[attr]name …`) carry no path rule.
    if (line === '' || line.startsWith('#') || line.startsWith('[attr]')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    const rule: Omit<AttributeRule, 'matches' | 'glob'> = { directory };
    for (const attribute of attributes) {
      const state = attributeState(attribute);
      if (state.name === 'linguist-generated') rule.generated = state.value;
      if (state.name === 'linguist-vendored') rule.vendored = state.value;
    }
    if (rule.generated === undefined && rule.vendored === undefined) continue;
    const matcher = compilePattern(pattern);
    if (matcher) rules.push({ ...rule, ...matcher, glob: directory + matcher.relativeGlob });
  }
  return rules;
}

/** `null` is git's "unspecified" (`!name`): it clears what an earlier line set. */
function attributeState(attribute: string): { name: string; value: boolean | null } {
  if (attribute.startsWith('-')) return { name: attribute.slice(1), value: false };
  if (attribute.startsWith('!')) return { name: attribute.slice(1), value: null };
  const equals = attribute.indexOf('=');
  if (equals === -1) return { name: attribute, value: true };
  return {
    name: attribute.slice(0, equals),
    value: TRUE_VALUES.has(attribute.slice(equals + 1).toLowerCase()),
  };
}

/**
 * gitignore pattern rules without negation: a pattern with no slash (save a trailing one) matches
 * a name at any depth below its file's directory; one with a slash is anchored there. A trailing
 * slash names a directory, which attributes never match, so such a line is ignored, as git ignores it.
 */
function compilePattern(
  pattern: string,
): { matches: (path: string) => boolean; relativeGlob: string } | undefined {
  if (pattern.startsWith('"') || pattern.endsWith('/') || pattern.startsWith('!')) return undefined;
  const anchored = pattern.includes('/');
  const relativeGlob = anchored ? pattern.replace(/^\//, '') : `**/${pattern}`;
  const matches = picomatch(relativeGlob, { dot: true });
  return { matches, relativeGlob };
}
