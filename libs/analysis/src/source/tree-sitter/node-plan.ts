import type { CollectRule, DeclaredName, FunctionRule, GrammarRules, NodeRule } from './grammar-rules';

/**
 * Everything the walker does for one node type, resolved once per grammar symbol id so that the
 * per-node work is a single array lookup. Rules restricted to parent types are kept as lists and
 * checked against the actual parent while walking.
 */
export interface NodePlan {
  type: string;
  named: boolean;
  /** No rule of any kind applies: the walker only records the type and moves on. */
  trivial: boolean;
  rules: readonly NodeRule[];
  fn?: FunctionRule;
  container?: DeclaredName;
  symbolField?: DeclaredName;
  comment: boolean;
  binary: boolean;
  paren: boolean;
  isIf: boolean;
  elseContainer: boolean;
  /** An anonymous `else` token. */
  elseToken: boolean;
  /** An anonymous logical operator token. */
  logicalOperator?: string;
  /** A named node whose text is an operator (see GrammarRules.operatorNodes). */
  operatorNode: boolean;
  collect: readonly CollectRule[];
  error: boolean;
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

export class PlanTable {
  private readonly plans: NodePlan[] = [];
  private readonly logical: ReadonlySet<string>;
  private readonly binaries: ReadonlySet<string>;
  private readonly parens: ReadonlySet<string>;
  private readonly ifs: ReadonlySet<string>;
  private readonly elseContainers: ReadonlySet<string>;
  private readonly comments: ReadonlySet<string>;
  private readonly operatorNodes: ReadonlySet<string>;

  constructor(private readonly rules: GrammarRules) {
    this.logical = new Set(rules.logicalOperators);
    this.binaries = new Set(rules.binaryTypes);
    this.parens = new Set(rules.parenTypes);
    this.ifs = new Set(rules.ifTypes);
    this.elseContainers = new Set(rules.elseContainers);
    this.comments = new Set(rules.comments);
    this.operatorNodes = new Set(rules.operatorNodes);
  }

  get(id: number): NodePlan | undefined {
    return this.plans[id];
  }

  build(id: number, type: string, named: boolean): NodePlan {
    const r = this.rules;
    const own = <T>(table: Readonly<Record<string, T>>): T | undefined =>
      Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
    const plan: NodePlan = {
      type,
      named,
      trivial: false,
      rules: asList(named ? own(r.named) : own(r.tokens)),
      fn: named ? own(r.functions) : undefined,
      container: named ? own(r.containers) : undefined,
      symbolField: named ? own(r.symbols) : undefined,
      comment: named && this.comments.has(type),
      binary: named && this.binaries.has(type),
      paren: named && this.parens.has(type),
      isIf: named && this.ifs.has(type),
      elseContainer: named && this.elseContainers.has(type),
      elseToken: type === 'else' && named === (r.namedElse ?? false),
      logicalOperator: !named && this.logical.has(type) ? type : undefined,
      operatorNode: named && this.operatorNodes.has(type),
      collect: named ? asList(own(r.collect)) : [],
      error: type === 'ERROR',
    };
    plan.trivial =
      plan.rules.length === 0 &&
      !plan.fn &&
      !plan.container &&
      !plan.symbolField &&
      !plan.comment &&
      !plan.binary &&
      !plan.paren &&
      !plan.isIf &&
      !plan.elseContainer &&
      !plan.elseToken &&
      !plan.logicalOperator &&
      !plan.operatorNode &&
      plan.collect.length === 0 &&
      !plan.error;
    this.plans[id] = plan;
    return plan;
  }
}

/** Whether a parent-restricted rule applies under the given parent and grandparent types. */
export function ruleApplies(
  rule: { parents?: readonly string[]; grandparents?: readonly string[] },
  parent: string | undefined,
  grandparent: string | undefined,
): boolean {
  if (rule.parents && (parent === undefined || !rule.parents.includes(parent))) return false;
  if (rule.grandparents && (grandparent === undefined || !rule.grandparents.includes(grandparent)))
    return false;
  return true;
}
