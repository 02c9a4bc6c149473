import type Parser from 'tree-sitter';
import { CommentCollector } from '../comment-collector';
import { addRange, emptyRanges, type TextRanges } from '../line-counter';
import type { FunctionFacts, ImportFacts } from '../source-facts';
import type { Collected, DeclaredName, GrammarRules, SyntaxNode } from './grammar-rules';
import { type NodePlan, PlanTable, ruleApplies } from './node-plan';

interface Frame {
  facts: FunctionFacts | undefined;
  mcc: number;
  cog: number;
}

interface Container {
  name: string;
  /** Number of open function frames when the container started: members sit at exactly this depth. */
  frameDepth: number;
}

export interface WalkOutput {
  functions: FunctionFacts[];
  imports: ImportFacts[];
  symbols: string[];
  comments: TextRanges;
  commentText: string;
  packageName?: string;
  /** 0-based row of the first ERROR node, or -1. */
  firstErrorRow: number;
}

function declaredName(node: SyntaxNode, where: DeclaredName): string | undefined {
  return typeof where === 'string' ? node.childForFieldName(where)?.text : where(node);
}

function sequenceScore(operators: readonly string[]): number {
  let score = 0;
  for (let i = 0; i < operators.length; i++) if (i === 0 || operators[i] !== operators[i - 1]) score++;
  return score;
}

/**
 * A single depth-first pass over a tree-sitter tree with a cursor (node objects are created only
 * where a rule needs one), computing per-function McCabe and cognitive complexity, imports,
 * symbols and comment ranges according to a language's GrammarRules.
 */
export class TreeWalker {
  private readonly table: PlanTable;
  private readonly conditionFields: ReadonlySet<string>;
  private readonly logical: ReadonlySet<string>;
  private readonly operatorField: string;
  private readonly operatorNodes: ReadonlySet<string>;

  constructor(private readonly rules: GrammarRules) {
    this.table = new PlanTable(rules);
    this.conditionFields = new Set(rules.conditionFields);
    this.logical = new Set(rules.logicalOperators);
    this.operatorField = rules.operatorField ?? 'operator';
    this.operatorNodes = new Set(rules.operatorNodes);
  }

  /** A binary node's operator: its operator token's type, or the text of a named operator node. */
  private operatorOf(node: SyntaxNode): string | undefined {
    const operator =
      node.childForFieldName(this.operatorField) ??
      node.namedChildren.find((child) => this.operatorNodes.has(child.type));
    if (!operator) return undefined;
    return this.operatorNodes.has(operator.type) ? operator.text : operator.type;
  }

  walk(tree: Parser.Tree, text: string): WalkOutput {
    const functions: FunctionFacts[] = [];
    const comments = emptyRanges();
    const collector = new CommentCollector();
    const out: Collected = {
      imports: [],
      symbols: new Set<string>(),
      comment: (start, end, body) => {
        addRange(comments, start, end);
        collector.add(body);
      },
    };
    const frames: Frame[] = [];
    let frame: Frame = { facts: undefined, mcc: 1, cog: 0 };
    const containers: Container[] = [];
    let firstErrorRow = -1;

    // Per-depth state of the path from the root to the current node.
    const plans: NodePlan[] = [];
    const childNest: number[] = [];
    const baseNest: number[] = [];
    const structure: boolean[] = [];
    const pendingElse: boolean[] = [];
    const seq: (string[] | null)[] = [];
    const seqRoot: boolean[] = [];
    const openedFrame: boolean[] = [];
    const openedContainer: boolean[] = [];

    const cursor = tree.walk();
    const enter = (depth: number): void => {
      const id = cursor.nodeTypeId;
      const plan = this.table.get(id) ?? this.table.build(id, cursor.nodeType, cursor.nodeIsNamed);
      plans[depth] = plan;
      const parent = depth > 0 ? plans[depth - 1] : undefined;
      let nesting = depth > 0 ? childNest[depth - 1] : 0;
      if (parent && structure[depth - 1] && plan.named) {
        const field = cursor.currentFieldName;
        if (field && this.conditionFields.has(field)) nesting = baseNest[depth - 1];
      }
      childNest[depth] = nesting;
      baseNest[depth] = nesting;
      structure[depth] = false;
      pendingElse[depth] = false;
      seq[depth] = null;
      seqRoot[depth] = false;
      openedFrame[depth] = false;
      openedContainer[depth] = false;

      let elseIf = false;
      if (parent && pendingElse[depth - 1] && plan.named && !plan.comment) {
        pendingElse[depth - 1] = false;
        if (plan.isIf) elseIf = true;
        else frame.cog += 1;
      }
      if (plan.trivial) return;

      if (plan.error && firstErrorRow < 0) firstErrorRow = cursor.startPosition.row;
      if (plan.comment) {
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        addRange(comments, start, end);
        if (!collector.full) collector.add(text.slice(start, end));
      }
      if (plan.elseToken && parent?.elseContainer) pendingElse[depth - 1] = true;
      let node: SyntaxNode | undefined;
      const current = (): SyntaxNode => (node ??= cursor.currentNode);
      if (parent?.binary && seq[depth - 1] !== null) {
        const operator = plan.operatorNode ? current().text : plan.logicalOperator;
        if (operator !== undefined && this.logical.has(operator)) seq[depth - 1]!.push(operator);
      }
      if (plan.paren && depth > 0) seq[depth] = seq[depth - 1];

      if (plan.binary) {
        const operator = this.operatorOf(current());
        if (operator !== undefined && this.logical.has(operator)) {
          frame.mcc++;
          if (depth > 0 && seq[depth - 1] !== null) {
            seq[depth] = seq[depth - 1];
          } else {
            seq[depth] = [];
            seqRoot[depth] = true;
          }
        }
      }

      const grandparent = depth > 1 ? plans[depth - 2].type : undefined;
      const fn = plan.fn;
      if (fn && ruleApplies(fn, parent?.type, undefined) && (!fn.when || fn.when(current()))) {
        const fnNode = current();
        const declared = fn.name ? fn.name(fnNode) : fnNode.childForFieldName('name')?.text;
        const explicitOwner = fn.owner?.(fnNode);
        const kind = typeof fn.kind === 'function' ? fn.kind(fnNode) : fn.kind;
        if (kind === 'accessor' && explicitOwner) out.symbols.add(explicitOwner);
        else if (declared && kind !== 'constructor') out.symbols.add(declared);
        const owner = containers[containers.length - 1];
        const member = owner !== undefined && owner.frameDepth === frames.length;
        const base = declared ?? fn.placeholder ?? '<anonymous>';
        const qualifier = explicitOwner ?? (member ? owner.name : undefined);
        const facts: FunctionFacts = {
          name: qualifier ? `${qualifier}.${base}` : base,
          line: (fn.start?.(fnNode) ?? fnNode).startPosition.row + 1,
          endLine: fnNode.endPosition.row + 1,
          kind: member && kind === 'function' && !this.rules.modulesOnly ? 'method' : kind,
          complexity: 1,
          cognitive: 0,
        };
        functions.push(facts);
        const topLevel = frame.facts === undefined;
        frames.push(frame);
        frame = { facts, mcc: 1, cog: 0 };
        openedFrame[depth] = true;
        childNest[depth] = topLevel ? 0 : nesting + 1;
        baseNest[depth] = childNest[depth];
        nesting = childNest[depth];
      }

      for (const rule of plan.rules) {
        if (!ruleApplies(rule, parent?.type, grandparent)) continue;
        if (rule.when && !rule.when(current())) continue;
        if (rule.mcc) frame.mcc += rule.mcc;
        if (rule.cog === 'structure' && !elseIf) {
          frame.cog += 1 + nesting;
          structure[depth] = true;
          childNest[depth] = nesting + 1;
        } else if (rule.cog === 'structure' || rule.cog === 'else-if') {
          frame.cog += 1;
          structure[depth] = true;
        } else if (rule.cog === 'else' || rule.cog === 'jump') {
          frame.cog += 1;
        }
      }

      if (plan.container) {
        const name = declaredName(current(), plan.container);
        if (name) {
          if (!this.rules.reopens?.(current())) out.symbols.add(name);
          containers.push({ name, frameDepth: frames.length });
          openedContainer[depth] = true;
        }
      }
      if (plan.symbolField) {
        const name = declaredName(current(), plan.symbolField);
        if (name) out.symbols.add(name);
      }
      for (const rule of plan.collect) {
        if (!ruleApplies(rule, parent?.type, undefined)) continue;
        if (rule.startsWith) {
          const start = cursor.startIndex;
          if (!rule.startsWith.some((prefix) => text.startsWith(prefix, start))) continue;
        }
        rule.collect(current(), out);
      }
    };

    const leave = (depth: number): void => {
      if (plans[depth].trivial) return;
      if (seqRoot[depth]) frame.cog += sequenceScore(seq[depth]!);
      if (openedFrame[depth]) {
        frame.facts!.complexity = frame.mcc;
        frame.facts!.cognitive = frame.cog;
        frame = frames.pop()!;
      }
      if (openedContainer[depth]) containers.pop();
    };

    let depth = 0;
    enter(0);
    walk: for (;;) {
      if (cursor.gotoFirstChild()) {
        depth++;
        enter(depth);
        continue;
      }
      for (;;) {
        leave(depth);
        if (cursor.gotoNextSibling()) {
          enter(depth);
          break;
        }
        if (!cursor.gotoParent()) break walk;
        depth--;
      }
    }
    // A WebAssembly cursor holds wasm memory until deleted; a native one has no `delete`.
    (cursor as { delete?: () => void }).delete?.();

    return {
      functions,
      imports: out.imports,
      symbols: [...out.symbols],
      comments,
      commentText: collector.text(),
      packageName: out.packageName,
      firstErrorRow,
    };
  }
}
