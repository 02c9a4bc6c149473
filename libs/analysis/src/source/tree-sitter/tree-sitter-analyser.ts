import { countCodeLines } from '../line-counter';
import type { SourceFacts } from '../source-facts';
import { parserFor, releaseTree, type TreeSitterLanguageName } from './grammar-loader';
import type { GrammarRules, SyntaxNode } from './grammar-rules';
import { asFirstConfiguration } from './preprocessing';
import { withBlockForwardingClosed } from './ruby-block-forwarding';
import { withPrimitiveNamedMacrosRenamed } from './rust-macro-names';
import { withEmptyTuplesAsLiterals } from './swift-empty-tuples';
import { C_RULES, CPP_RULES } from './rules/c-rules';
import { CSHARP_RULES } from './rules/csharp-rules';
import { DART_RULES } from './rules/dart-rules';
import { ELIXIR_RULES } from './rules/elixir-rules';
import { GO_RULES } from './rules/go-rules';
import { JAVA_RULES } from './rules/java-rules';
import { KOTLIN_RULES } from './rules/kotlin-rules';
import { LUA_RULES } from './rules/lua-rules';
import { OBJC_RULES } from './rules/objc-rules';
import { PHP_RULES } from './rules/php-rules';
import { PYTHON_RULES } from './rules/python-rules';
import { RUBY_RULES } from './rules/ruby-rules';
import { RUST_RULES } from './rules/rust-rules';
import { SCALA_RULES } from './rules/scala-rules';
import { SWIFT_RULES } from './rules/swift-rules';
import { TreeWalker } from './tree-walker';

const RULES: Record<TreeSitterLanguageName, GrammarRules> = {
  python: PYTHON_RULES,
  java: JAVA_RULES,
  go: GO_RULES,
  csharp: CSHARP_RULES,
  ruby: RUBY_RULES,
  kotlin: KOTLIN_RULES,
  scala: SCALA_RULES,
  swift: SWIFT_RULES,
  elixir: ELIXIR_RULES,
  lua: LUA_RULES,
  dart: DART_RULES,
  php: PHP_RULES,
  rust: RUST_RULES,
  c: C_RULES,
  objc: OBJC_RULES,
  cpp: CPP_RULES,
};

const walkers = new Map<TreeSitterLanguageName, TreeWalker>();

function walkerFor(language: TreeSitterLanguageName): TreeWalker {
  let walker = walkers.get(language);
  if (!walker) {
    walker = new TreeWalker(RULES[language]);
    walkers.set(language, walker);
  }
  return walker;
}

/**
 * Where the first syntax error is: an `ERROR` node's line, or a token the parser had to assume
 * (`MISSING` nodes are found by descending only into subtrees that hold an error).
 */
function describeSyntaxError(root: SyntaxNode, firstErrorRow: number): string {
  if (firstErrorRow >= 0) return `line ${firstErrorRow + 1}: syntax error`;
  for (let node: SyntaxNode | undefined = root; node;) {
    if (node.isMissing) return `line ${node.startPosition.row + 1}: missing ${node.type}`;
    node = node.children.find((child) => child.hasError || child.isMissing);
  }
  return 'syntax error (missing token)';
}

/**
 * The text the grammar is given: the file as its compiler reads it, where the grammar cannot.
 * Languages with conditional compilation are parsed as their first configuration compiles them
 * (tree-sitter-swift, for one, reads no `#if` among a type's members).
 */
function asParsed(language: TreeSitterLanguageName, content: string): string {
  switch (language) {
    case 'c':
    case 'cpp':
    case 'objc':
    case 'csharp':
      return asFirstConfiguration(content, { cplusplus: language === 'cpp', macros: language !== 'csharp' });
    case 'swift':
      return withEmptyTuplesAsLiterals(asFirstConfiguration(content, { cplusplus: false, macros: false }));
    case 'rust':
      return withPrimitiveNamedMacrosRenamed(content);
    case 'ruby':
      return withBlockForwardingClosed(content);
    default:
      return content;
  }
}

/**
 * Parse steps (tree-sitter reports progress every hundred operations) a file may take before its
 * grammar is given up on. Over 2,700 files of a dozen repositories in every parsed language the
 * most was 31 per KB (commons-lang's fuzz-test inputs; 2–18 is usual), but some text sends a
 * grammar into endless backtracking: a MUMPS routine named `.m` kept the Objective-C grammar busy
 * for six minutes over 3.6 KB, stalling its repository's analysis. Steps, not time, so that a file
 * gets the same facts on every machine.
 */
const MIN_PARSE_STEPS = 1_000;
const PARSE_STEPS_PER_KB = 200;

function parseWithinBudget(language: TreeSitterLanguageName, text: string) {
  const parser = parserFor(language);
  const budget = MIN_PARSE_STEPS + Math.ceil((PARSE_STEPS_PER_KB * text.length) / 1024);
  let steps = 0;
  const tree = parser.parse(text, null, { progressCallback: () => ++steps > budget });
  if (tree) return tree;
  // A halted parser resumes the halted parse next time unless reset.
  parser.reset();
  throw new Error(`the ${language} grammar gave up after ${budget.toLocaleString('en-US')} parse steps`);
}

/** Facts for a file in one of the tree-sitter languages. Throws if the grammar cannot load or gives up. */
export function analyseWithTreeSitter(language: TreeSitterLanguageName, content: string): SourceFacts {
  const parsed = asParsed(language, content);
  const tree = parseWithinBudget(language, parsed);
  try {
    const walked = walkerFor(language).walk(tree, parsed);
    const facts: SourceFacts = {
      language,
      loc: countCodeLines(content, walked.comments),
      functions: walked.functions,
      imports: walked.imports,
      symbols: walked.symbols,
      comments: walked.commentText,
    };
    if (walked.packageName !== undefined) facts.packageName = walked.packageName;
    if (tree.rootNode.hasError) facts.parseError = describeSyntaxError(tree.rootNode, walked.firstErrorRow);
    return facts;
  } finally {
    releaseTree(tree);
  }
}
