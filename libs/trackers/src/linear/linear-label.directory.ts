import type { LinearClient } from '@linear/sdk';
import { InvalidRequestError } from '../tracker-errors';

type Call = <T>(request: () => Promise<T>) => Promise<T>;

const PAGE_SIZE = 100;
const RISK_LABEL_COLOR = '#EB5757';
const RISK_LABEL_DESCRIPTION = 'Set by Sightline when the code a ticket touches is high risk.';

/**
 * Finds (or creates, once per team) Sightline's risk label and resolves label ids to names. A team
 * label wins over a workspace label of the same name; both are valid on the team's issues.
 */
export class LinearLabelDirectory {
  private readonly riskLabelIdByTeam = new Map<string, string>();

  constructor(
    private readonly linear: LinearClient,
    private readonly riskLabel: string,
    private readonly call: Call,
  ) {}

  async find(teamId: string): Promise<string | null> {
    const cached = this.riskLabelIdByTeam.get(teamId);
    if (cached) return cached;
    const page = await this.call(() =>
      this.linear.issueLabels({ filter: { name: { eq: this.riskLabel } }, first: PAGE_SIZE }),
    );
    const label =
      page.nodes.find((candidate) => candidate.teamId === teamId) ??
      page.nodes.find((candidate) => candidate.teamId === undefined);
    if (!label) return null;
    this.riskLabelIdByTeam.set(teamId, label.id);
    return label.id;
  }

  async ensure(teamId: string): Promise<string> {
    const existing = await this.find(teamId);
    if (existing) return existing;
    try {
      const payload = await this.call(() =>
        this.linear.createIssueLabel({
          name: this.riskLabel,
          teamId,
          color: RISK_LABEL_COLOR,
          description: RISK_LABEL_DESCRIPTION,
        }),
      );
      if (!payload.success || !payload.issueLabelId)
        throw new InvalidRequestError('Linear did not create the label');
      this.riskLabelIdByTeam.set(teamId, payload.issueLabelId);
      return payload.issueLabelId;
    } catch (error) {
      // Another worker may have created it a moment ago; Linear rejects the duplicate name.
      if (!(error instanceof InvalidRequestError)) throw error;
      const raced = await this.find(teamId);
      if (raced) return raced;
      throw error;
    }
  }

  /** Label names for a set of ids, one paged query for the whole set. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    for (let after: string | undefined; ;) {
      const page = await this.call(() =>
        this.linear.issueLabels({ filter: { id: { in: [...ids] } }, first: PAGE_SIZE, after }),
      );
      for (const label of page.nodes) names.set(label.id, label.name);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return names;
      after = page.pageInfo.endCursor;
    }
  }
}
