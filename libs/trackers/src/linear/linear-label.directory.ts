import type { LinearClient } from '@linear/sdk';
import { InvalidRequestError } from '../tracker-errors';

type Call = <T>(request: () => Promise<T>) => Promise<T>;

/** A label Sightline needs in a team: its own risk label, or the feedback label people apply. */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

const PAGE_SIZE = 100;
/**
 * How long a label's name is trusted once read. Every ticket read resolves its label ids to names;
 * a backlog shares a handful of labels, so this saves a request a ticket, and a renamed label
 * shows its new name within minutes.
 */
export const LABEL_NAME_TTL_MS = 5 * 60_000;

/**
 * Finds (or creates, once per team) the labels Sightline uses and resolves label ids to names. A
 * team label wins over a workspace label of the same name; both are valid on the team's issues.
 */
export class LinearLabelDirectory {
  private readonly labelIds = new Map<string, string>();
  private readonly names = new Map<string, { name: string; readAt: number }>();

  constructor(
    private readonly linear: LinearClient,
    private readonly call: Call,
    private readonly now: () => number = Date.now,
  ) {}

  async find(teamId: string, name: string): Promise<string | null> {
    const cacheKey = `${teamId}\u0000${name}`;
    const cached = this.labelIds.get(cacheKey);
    if (cached) return cached;
    const page = await this.call(() =>
      this.linear.issueLabels({ filter: { name: { eq: name } }, first: PAGE_SIZE }),
    );
    const label =
      page.nodes.find((candidate) => candidate.teamId === teamId) ??
      page.nodes.find((candidate) => candidate.teamId === undefined);
    if (!label) return null;
    this.labelIds.set(cacheKey, label.id);
    return label.id;
  }

  async ensure(teamId: string, spec: LabelSpec): Promise<string> {
    const existing = await this.find(teamId, spec.name);
    if (existing) return existing;
    try {
      const payload = await this.call(() =>
        this.linear.createIssueLabel({
          name: spec.name,
          teamId,
          color: spec.color,
          description: spec.description,
        }),
      );
      if (!payload.success || !payload.issueLabelId)
        throw new InvalidRequestError('Linear did not create the label');
      this.labelIds.set(`${teamId}\u0000${spec.name}`, payload.issueLabelId);
      return payload.issueLabelId;
    } catch (error) {
      // Another worker may have created it a moment ago; Linear rejects the duplicate name.
      if (!(error instanceof InvalidRequestError)) throw error;
      const raced = await this.find(teamId, spec.name);
      if (raced) return raced;
      throw error;
    }
  }

  /**
   * Label names for a set of ids: those read in the last LABEL_NAME_TTL_MS from memory, the rest in
   * one paged query. An id Linear no longer knows (a deleted label) has no name.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const now = this.now();
    const missing = [...new Set(ids)].filter((id) => {
      const known = this.names.get(id);
      if (known && now - known.readAt < LABEL_NAME_TTL_MS) names.set(id, known.name);
      return !names.has(id);
    });
    if (missing.length === 0) return names;
    for (let after: string | undefined; ;) {
      const page = await this.call(() =>
        this.linear.issueLabels({ filter: { id: { in: missing } }, first: PAGE_SIZE, after }),
      );
      for (const label of page.nodes) {
        names.set(label.id, label.name);
        this.names.set(label.id, { name: label.name, readAt: now });
      }
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return names;
      after = page.pageInfo.endCursor;
    }
  }
}
