import type { ParsedRequest } from './fake-http';

/** A failure the fake returns instead of doing the work. How it looks on the wire is per tracker. */
export type Fault =
  /** Jira: 429 with Retry-After (+ X-RateLimit-*, RateLimit-Reason); Linear: ratelimited error + headers. */
  | { kind: 'rate-limit'; retryAfterSeconds?: number; html?: boolean; resetInMs?: number; bare?: boolean }
  /** 5xx (default 503), optionally an HTML page. */
  | { kind: 'server-error'; status?: number; html?: boolean }
  /** Credentials rejected (Jira: "scope does not match" body; Linear: authentication error). */
  | { kind: 'unauthorized' }
  /** The connection is cut without an answer. */
  | { kind: 'network' };

export type RequestMatcher = (request: ParsedRequest & { operation?: string }) => boolean;

interface Rule {
  fault: Fault;
  remaining: number;
  match?: RequestMatcher;
}

/** "The next N matching requests fail with …", consumed in the order the rules were added. */
export class FaultQueue {
  private rules: Rule[] = [];

  add(count: number, fault: Fault, match?: RequestMatcher): void {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`fault count must be a positive integer: ${count}`);
    this.rules.push({ fault, remaining: count, match });
  }

  take(request: ParsedRequest & { operation?: string }): Fault | null {
    const rule = this.rules.find((candidate) => !candidate.match || candidate.match(request));
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule.fault;
  }

  clear(): void {
    this.rules = [];
  }

  get pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }
}
