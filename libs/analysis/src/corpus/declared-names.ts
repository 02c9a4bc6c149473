/**
 * Declared names of a source file in a language Sightline has no parser for (Haskell, R, Julia,
 * Zig, Nim, OCaml, Erlang, Clojure, Perl, Crystal, shell…), read from the line shapes that declare
 * them: `name :: Type`, `name <- function(`, `pub fn name(`, `proc name*(`, `(defn name`, `sub name`.
 * A ticket names these as it names a parsed language's classes and functions, so the matcher's
 * symbol field and exact mentions need them too. Only declarations at a line's start (or, where
 * the language nests them in a block, indented) are read: a name used is not a name declared.
 */
interface DeclarationShapes {
  extensions: readonly string[];
  /** Each matched with the `m` flag; capture group 1 is the name. */
  shapes: readonly RegExp[];
}

const HASKELL_LIKE = [
  // A top-level type signature, also of an operator or of several names: `a, b :: T`.
  /^([a-z_][\w']*)(?:\s*,\s*[a-z_][\w']*)*\s*::/gm,
  /^(?:data|newtype|type(?:\s+family)?|class)\s+(?:\([^)]*\)\s*=>\s*)?([A-Z][\w']*)/gm,
];

const LANGUAGES: readonly DeclarationShapes[] = [
  { extensions: ['hs'], shapes: HASKELL_LIKE },
  { extensions: ['elm'], shapes: [/^([a-z][\w]*)\s*:(?!:)/gm, /^type\s+(?:alias\s+)?([A-Z]\w*)/gm] },
  {
    extensions: ['ml', 'mli'],
    shapes: [
      /^(?:let|and)(?:\s+rec)?\s+([a-z_][\w']*)/gm,
      /^\s*(?:val|external)\s+([a-z_][\w']*)/gm,
      /^\s*(?:type|and)\s+(?:(?:'\w+|\([^)]*\))\s+)?([a-z_][\w']*)\s*(?:=|$)/gm,
      /^\s*module\s+(?:type\s+)?([A-Z][\w']*)/gm,
    ],
  },
  {
    extensions: ['erl', 'hrl'],
    shapes: [/^([a-z][\w]*)\(/gm, /^-(?:record|define|type|opaque)\s*\(?\s*([A-Za-z_]\w*)/gm],
  },
  {
    extensions: ['clj'],
    shapes: [
      /^\((?:defn-?|defmacro|defmulti|defprotocol|defrecord|deftype|def|defonce)\s+(?:\^\S+\s+)*([^\s()[\]{}"]+)/gm,
    ],
  },
  { extensions: ['pl', 'pm'], shapes: [/^\s*sub\s+(\w+)/gm, /^\s*package\s+([\w:]+)/gm] },
  {
    extensions: ['r'],
    shapes: [
      /^\s*`?([A-Za-z.][\w.]*)`?\s*(?:<-|<<-|=)\s*function\b/gm,
      /\b(?:setClass|setGeneric|R6Class|setRefClass)\(\s*["'](\w[\w.]*)["']/gm,
    ],
  },
  {
    extensions: ['jl'],
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
    shapes: [
      /^\s*(?:pub\s+)?(?:export\s+|extern\s+(?:"\w+"\s+)?|inline\s+|noinline\s+)?fn\s+(\w+)/gm,
      /^\s*(?:pub\s+)?const\s+(\w+)\s*=\s*(?:extern\s+|packed\s+)?(?:struct|enum|union|opaque)\b/gm,
    ],
  },
  {
    extensions: ['nim'],
    shapes: [
      /^\s*(?:proc|func|method|iterator|template|macro|converter)\s+`?(\w+)/gm,
      /^\s+([A-Z]\w*)\*?(?:\[[^\]\n]*\])?\s*=\s*(?:ref\s+|ptr\s+)?(?:object|enum|tuple|concept|distinct)\b/gm,
    ],
  },
  {
    extensions: ['cr'],
    shapes: [
      /^\s*(?:(?:private|protected|abstract)\s+)*def\s+(?:self\.)?(\w+[?!=]?)/gm,
      /^\s*(?:abstract\s+)?(?:class|struct|module|enum|lib|annotation)\s+([A-Z][\w:]*)/gm,
      /^\s*macro\s+(\w+)/gm,
    ],
  },
  {
    extensions: ['sh', 'bash', 'zsh'],
    shapes: [/^\s*(?:function\s+)?([A-Za-z_][\w:.-]*)\s*\(\)/gm, /^\s*function\s+([A-Za-z_][\w:.-]*)/gm],
  },
  { extensions: ['fish', 'ps1', 'psm1'], shapes: [/^\s*function\s+([A-Za-z_][\w:.-]*)/gim] },
  {
    extensions: ['sol'],
    shapes: [
      /^\s*(?:abstract\s+)?(?:contract|interface|library|struct|enum|event|error|modifier)\s+(\w+)/gm,
      /^\s*function\s+(\w+)/gm,
    ],
  },
  {
    extensions: ['groovy'],
    shapes: [
      /^\s*(?:(?:public|private|protected|static|abstract|final)\s+)*(?:class|interface|trait|enum)\s+(\w+)/gm,
      /^\s*(?:(?:public|private|protected|static|final|def|void|[\w<>[\]]+)\s+)+(\w+)\s*\([^)\n]*\)\s*\{/gm,
    ],
  },
  {
    extensions: ['fs'],
    shapes: [
      /^\s*(?:let|and)(?:\s+(?:rec|inline|private|mutable))*\s+([A-Za-z_][\w']*)/gm,
      /^\s*(?:type|module)\s+(?:(?:private|internal)\s+)?([A-Z][\w']*)/gm,
      /^\s*(?:(?:static|abstract|override|default)\s+)*member\s+(?:\w+\.)?([A-Za-z_]\w*)/gm,
    ],
  },
  {
    extensions: ['vb'],
    shapes: [
      /^\s*(?:(?:Public|Private|Protected|Friend|Shared|Overrides|Overridable|MustInherit|NotInheritable|Partial|Async)\s+)*(?:Function|Sub|Class|Module|Structure|Interface|Enum|Property)\s+(\w+)/gim,
    ],
  },
  {
    extensions: ['sql'],
    shapes: [
      /\bcreate\s+(?:or\s+replace\s+)?(?:temporary\s+|temp\s+|unique\s+|materialized\s+)*(?:table|view|function|procedure|trigger|index|type|sequence)\s+(?:if\s+not\s+exists\s+)?(?:[\w"`[\]]+\.)?["`[]?(\w+)/gim,
    ],
  },
  {
    extensions: ['f90'],
    shapes: [
      /^\s*(?:(?:pure|elemental|recursive|module)\s+)*(?:subroutine|function|module|program|type)\s*(?:,[^:\n]*::)?\s+(\w+)/gim,
    ],
  },
];

const SHAPES_BY_EXTENSION = new Map<string, readonly RegExp[]>(
  LANGUAGES.flatMap(({ extensions, shapes }) => extensions.map((e) => [e, shapes] as const)),
);

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
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const shapes = dot > 0 ? SHAPES_BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) : undefined;
  if (!shapes) return [];
  const names = new Set<string>();
  for (const shape of shapes) {
    for (const match of content.matchAll(shape)) {
      const name = match[1];
      if (name && !NOT_NAMES.has(name.toLowerCase())) names.add(name);
      if (names.size >= MAX_DECLARED_NAMES) return [...names];
    }
  }
  return [...names];
}
