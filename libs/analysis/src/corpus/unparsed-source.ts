import { CommentCollector } from '../source/comment-collector';
import { extension } from '../tree/file-kinds';

/**
 * What the matcher reads from a source file in a language Sightline has no parser for (Haskell, R,
 * Julia, Zig, Nim, OCaml, Erlang, Clojure, Perl, Crystal, shell…): its declared names, from the
 * line shapes that declare them (`name :: Type`, `name <- function(`, `pub fn name(`, `proc
 * name*(`, `(defn name`, `sub name`), and its comments. A ticket names these as it names a parsed
 * language's classes and functions, so the matcher's symbol and comment fields need them too. Only
 * declarations at a line's start (or, where the language nests them in a block, indented) are
 * read: a name used is not a name declared.
 */

interface UnparsedLanguage {
  extensions: readonly string[];
  /** Each matched with the `m` flag; capture group 1 is the name. */
  shapes: readonly RegExp[];
  /** Whole-line and block comments (the comment's text is capture group 1). */
  comments: readonly RegExp[];
}

// Comments on lines of their own: a marker after code may sit inside a string.
const lineComment = (marker: string): RegExp => new RegExp(`^[ \\t]*${marker}(.*)$`, 'gm');
// `#!/bin/sh` is no comment.
const HASH = [lineComment('#(?!!)')];
// Haddock's `-- |` and `-- ^` mark documentation.
const DASHES = [lineComment('--+(?:\\s*[|^])?'), /\{-\|?([\s\S]*?)-\}/g];
const SLASHES = [lineComment('//'), /\/\*([\s\S]*?)\*\//g];
const ML = [/\(\*([\s\S]*?)\*\)/g];

const HASKELL_LIKE = [
  // A top-level type signature, also of an operator or of several names: `a, b :: T`.
  /^([a-z_][\w']*)(?:\s*,\s*[a-z_][\w']*)*\s*::/gm,
  /^(?:data|newtype|type(?:\s+family)?|class)\s+(?:\([^)]*\)\s*=>\s*)?([A-Z][\w']*)/gm,
];

const LANGUAGES: readonly UnparsedLanguage[] = [
  { extensions: ['hs'], comments: DASHES, shapes: HASKELL_LIKE },
  {
    extensions: ['elm'],
    comments: DASHES,
    shapes: [/^([a-z][\w]*)\s*:(?!:)/gm, /^type\s+(?:alias\s+)?([A-Z]\w*)/gm],
  },
  {
    extensions: ['ml', 'mli'],
    comments: ML,
    shapes: [
      /^(?:let|and)(?:\s+rec)?\s+([a-z_][\w']*)/gm,
      /^\s*(?:val|external)\s+([a-z_][\w']*)/gm,
      /^\s*(?:type|and)\s+(?:(?:'\w+|\([^)]*\))\s+)?([a-z_][\w']*)\s*(?:=|$)/gm,
      /^\s*module\s+(?:type\s+)?([A-Z][\w']*)/gm,
    ],
  },
  {
    extensions: ['erl', 'hrl'],
    comments: [lineComment('%+')],
    shapes: [/^([a-z][\w]*)\(/gm, /^-(?:record|define|type|opaque)\s*\(?\s*([A-Za-z_]\w*)/gm],
  },
  {
    extensions: ['clj'],
    comments: [lineComment(';+')],
    shapes: [
      /^\((?:defn-?|defmacro|defmulti|defprotocol|defrecord|deftype|def|defonce)\s+(?:\^\S+\s+)*([^\s()[\]{}"]+)/gm,
    ],
  },
  { extensions: ['pl', 'pm'], comments: HASH, shapes: [/^\s*sub\s+(\w+)/gm, /^\s*package\s+([\w:]+)/gm] },
  {
    extensions: ['r'],
    comments: HASH,
    shapes: [
      /^\s*`?([A-Za-z.][\w.]*)`?\s*(?:<-|<<-|=)\s*function\b/gm,
      /\b(?:setClass|setGeneric|R6Class|setRefClass)\(\s*["'](\w[\w.]*)["']/gm,
    ],
  },
  {
    extensions: ['jl'],
    comments: [lineComment('#(?![!=])'), /#=([\s\S]*?)=#/g],
    shapes: [
      /^\s*(?:@\w+\s+)*function\s+(?:[\w.]+\.)?([A-Za-z_][\w!]*)/gm,
      /^\s*(?:@\w+\s+)*(?:mutable\s+)?struct\s+([A-Z]\w*)/gm,
      /^\s*(?:abstract|primitive)\s+type\s+([A-Z]\w*)/gm,
      /^\s*macro\s+(\w+)/gm,
      // The short form, `area(s::Square) = s.side^2`.
      /^(?:[\w.]+\.)?([A-Za-z_][\w!]*)\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)\s*(?:where\s+[^=\n]+)?=(?!=)/gm,
    ],
  },
  {
    extensions: ['zig'],
    comments: [lineComment('//')],
    shapes: [
      /^\s*(?:pub\s+)?(?:export\s+|extern\s+(?:"\w+"\s+)?|inline\s+|noinline\s+)?fn\s+(\w+)/gm,
      /^\s*(?:pub\s+)?const\s+(\w+)\s*=\s*(?:extern\s+|packed\s+)?(?:struct|enum|union|opaque)\b/gm,
    ],
  },
  {
    extensions: ['nim'],
    comments: [lineComment('#(?![![])'), /#\[([\s\S]*?)\]#/g],
    shapes: [
      /^\s*(?:proc|func|method|iterator|template|macro|converter)\s+`?(\w+)/gm,
      /^\s+([A-Z]\w*)\*?(?:\[[^\]\n]*\])?\s*=\s*(?:ref\s+|ptr\s+)?(?:object|enum|tuple|concept|distinct)\b/gm,
    ],
  },
  {
    extensions: ['cr'],
    comments: HASH,
    shapes: [
      /^\s*(?:(?:private|protected|abstract)\s+)*def\s+(?:self\.)?(\w+[?!=]?)/gm,
      /^\s*(?:abstract\s+)?(?:class|struct|module|enum|lib|annotation)\s+([A-Z][\w:]*)/gm,
      /^\s*macro\s+(\w+)/gm,
    ],
  },
  {
    extensions: ['sh', 'bash', 'zsh'],
    comments: HASH,
    shapes: [/^\s*(?:function\s+)?([A-Za-z_][\w:.-]*)\s*\(\)/gm, /^\s*function\s+([A-Za-z_][\w:.-]*)/gm],
  },
  {
    extensions: ['fish', 'ps1', 'psm1'],
    comments: [...HASH, /<#([\s\S]*?)#>/g],
    shapes: [/^\s*function\s+([A-Za-z_][\w:.-]*)/gim],
  },
  {
    extensions: ['sol'],
    comments: SLASHES,
    shapes: [
      /^\s*(?:abstract\s+)?(?:contract|interface|library|struct|enum|event|error|modifier)\s+(\w+)/gm,
      /^\s*function\s+(\w+)/gm,
    ],
  },
  {
    extensions: ['groovy'],
    comments: SLASHES,
    shapes: [
      /^\s*(?:(?:public|private|protected|static|abstract|final)\s+)*(?:class|interface|trait|enum)\s+(\w+)/gm,
      // Modifiers and the return type, each word one way (alternatives that overlap backtrack
      // exponentially on a long line of them).
      /^\s*(?:[\w<>[\],]+\s+)+(\w+)\s*\([^)\n]*\)\s*\{/gm,
    ],
  },
  {
    extensions: ['fs'],
    comments: [...ML, lineComment('//')],
    shapes: [
      /^\s*(?:let|and)(?:\s+(?:rec|inline|private|mutable))*\s+([A-Za-z_][\w']*)/gm,
      /^\s*(?:type|module)\s+(?:(?:private|internal)\s+)?([A-Z][\w']*)/gm,
      /^\s*(?:(?:static|abstract|override|default)\s+)*member\s+(?:\w+\.)?([A-Za-z_]\w*)/gm,
    ],
  },
  {
    extensions: ['vb'],
    comments: [lineComment("'")],
    shapes: [
      /^\s*(?:(?:Public|Private|Protected|Friend|Shared|Overrides|Overridable|MustInherit|NotInheritable|Partial|Async)\s+)*(?:Function|Sub|Class|Module|Structure|Interface|Enum|Property)\s+(\w+)/gim,
    ],
  },
  {
    extensions: ['sql'],
    comments: [lineComment('--'), /\/\*([\s\S]*?)\*\//g],
    shapes: [
      /\bcreate\s+(?:or\s+replace\s+)?(?:temporary\s+|temp\s+|unique\s+|materialized\s+)*(?:table|view|function|procedure|trigger|index|type|sequence)\s+(?:if\s+not\s+exists\s+)?(?:[\w"`[\]]+\.)?["`[]?(\w+)/gim,
    ],
  },
  {
    extensions: ['f90'],
    comments: [lineComment('!')],
    shapes: [
      /^\s*(?:(?:pure|elemental|recursive|module)\s+)*(?:subroutine|function|module|program|type)\s*(?:,[^:\n]*::)?\s+(\w+)/gim,
    ],
  },
];

const LANGUAGE_BY_EXTENSION = new Map<string, UnparsedLanguage>(
  LANGUAGES.flatMap((language) => language.extensions.map((e) => [e, language] as const)),
);

function languageOf(path: string): UnparsedLanguage | undefined {
  return LANGUAGE_BY_EXTENSION.get(extension(path));
}

// Words that open a line in these languages without declaring anything (`if (…)` in shell,
// `where` in Haskell, `module` lines in Elm).
const NOT_NAMES = new Set([
  'if',
  'for',
  'while',
  'case',
  'where',
  'then',
  'else',
  'in',
  'do',
  'let',
  'module',
]);

/** At most this many names per file: enough for any hand-written file, bounded for generated ones. */
export const MAX_DECLARED_NAMES = 2000;

/** The names `content` declares, each once, or [] for a language not listed. */
export function declaredNames(path: string, content: string): string[] {
  const language = languageOf(path);
  if (!language) return [];
  const names = new Set<string>();
  for (const shape of language.shapes) {
    for (const match of content.matchAll(shape)) {
      const name = match[1];
      if (name && !NOT_NAMES.has(name.toLowerCase())) names.add(name);
      if (names.size >= MAX_DECLARED_NAMES) return [...names];
    }
  }
  return [...names];
}

/** The comment text of `content` as the parsers collect it (licence header skipped, capped), or ''. */
export function commentText(path: string, content: string): string {
  const language = languageOf(path);
  if (!language) return '';
  const found: { at: number; end: number; text: string }[] = [];
  for (const shape of language.comments) {
    for (const match of content.matchAll(shape)) {
      found.push({ at: match.index, end: match.index + match[0].length, text: match[1] });
    }
  }
  // Comment lines that follow each other are one comment, as a parser sees a block: a licence
  // header written with `#` on every line is skipped whole.
  const comments: { end: number; text: string }[] = [];
  for (const comment of found.sort((a, b) => a.at - b.at)) {
    const last = comments[comments.length - 1];
    if (last && comment.at === last.end + 1) {
      last.text += `\n${comment.text}`;
      last.end = comment.end;
    } else comments.push({ end: comment.end, text: comment.text });
  }
  const collector = new CommentCollector();
  for (const { text } of comments) {
    if (collector.full) break;
    collector.add(text);
  }
  return collector.text();
}
