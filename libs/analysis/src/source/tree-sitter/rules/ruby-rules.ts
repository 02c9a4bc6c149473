import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, ELSE_IF, hasField, SWITCH } from './common-rules';

const REQUIRE_KINDS = { require: 'require', require_relative: 'require-relative', load: 'require' } as const;

/** `require 'x'`, `require_relative "y"`, `load 'z.rb'` with a plain string argument. */
function collectRequire(node: SyntaxNode, out: Collected): void {
  if (node.childForFieldName('receiver')) return;
  const method = node.childForFieldName('method')?.text;
  if (method !== 'require' && method !== 'require_relative' && method !== 'load') return;
  const argument = node.childForFieldName('arguments')?.namedChildren[0];
  if (!argument || argument.type !== 'string') return;
  const specifier = stringContent(argument);
  if (specifier) out.imports.push({ specifier, typeOnly: false, kind: REQUIRE_KINDS[method] });
}

export const RUBY_RULES: GrammarRules = {
  language: 'ruby',
  named: {
    if: BRANCH,
    unless: BRANCH,
    elsif: ELSE_IF,
    else: { cog: 'else', parents: ['if', 'unless', 'elsif'] },
    if_modifier: BRANCH,
    unless_modifier: BRANCH,
    while: BRANCH,
    until: BRANCH,
    for: BRANCH,
    while_modifier: BRANCH,
    until_modifier: BRANCH,
    conditional: BRANCH,
    rescue: BRANCH,
    rescue_modifier: BRANCH,
    case: SWITCH,
    case_match: SWITCH,
    when: DECISION,
    in_clause: DECISION,
    optional_parameter: DECISION,
    keyword_parameter: { mcc: 1, when: hasField('value') },
  },
  tokens: {
    '&.': { mcc: 1, parents: ['call'] },
    '||=': { mcc: 1, parents: ['operator_assignment'] },
    '&&=': { mcc: 1, parents: ['operator_assignment'] },
  },
  functions: {
    method: { kind: 'function' },
    singleton_method: { kind: 'method' },
    lambda: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
    // Blocks are closures, as JS callbacks are: their branches are scored on their own.
    block: { kind: 'lambda', name: () => undefined, placeholder: '<block>', parents: ['call'] },
    do_block: { kind: 'lambda', name: () => undefined, placeholder: '<block>', parents: ['call'] },
  },
  containers: { class: 'name', module: 'name' },
  symbols: {},
  comments: ['comment'],
  binaryTypes: ['binary'],
  logicalOperators: ['&&', '||', 'and', 'or'],
  parenTypes: ['parenthesized_statements'],
  ifTypes: [],
  elseContainers: [],
  conditionFields: ['condition', 'value', 'pattern'],
  collect: {
    call: { startsWith: ['require', 'load'], collect: collectRequire },
  },
};
