import { LineIndex } from '../line-counter';
import type { FunctionFacts, FunctionKind } from '../source-facts';

/** Complexity being accumulated for one function (or, at the bottom of the stack, the file itself). */
export interface Frame {
  facts: FunctionFacts | undefined;
  /** McCabe: starts at 1, as ESLint's code-path count does. */
  mcc: number;
  cog: number;
  nesting: number;
}

/** The functions being scored, innermost on top, and the classes they are declared in. */
export class FrameStack {
  readonly functions: FunctionFacts[] = [];
  current: Frame = { facts: undefined, mcc: 1, cog: 0, nesting: 0 };
  private readonly enclosing: Frame[] = [];
  private readonly classNames: string[] = [];
  private readonly lines: LineIndex;

  constructor(text: string) {
    this.lines = new LineIndex(text);
  }

  enterClass(name: string): void {
    this.classNames.push(name);
  }

  leaveClass(): void {
    this.classNames.pop();
  }

  /** `Class.name` inside a class body. */
  qualify(name: string): string {
    const owner = this.classNames[this.classNames.length - 1];
    return owner ? `${owner}.${name}` : name;
  }

  open(headPos: number, endPos: number, name: string, kind: FunctionKind): void {
    const outer = this.current;
    const facts: FunctionFacts = {
      name,
      line: this.lines.lineOf(headPos),
      endLine: this.lines.lineOf(endPos),
      kind,
      complexity: 1,
      cognitive: 0,
    };
    this.functions.push(facts);
    this.enclosing.push(outer);
    // A function nested in another one starts one level deeper (Sonar); top-level ones and those
    // directly in field initializers start at zero.
    const topLevel = outer.facts === undefined || outer.facts.kind === 'initializer';
    this.current = { facts, mcc: 1, cog: 0, nesting: topLevel ? 0 : outer.nesting + 1 };
  }

  close(): void {
    const done = this.current;
    done.facts!.complexity = done.mcc;
    done.facts!.cognitive = done.cog;
    this.current = this.enclosing.pop()!;
  }
}
