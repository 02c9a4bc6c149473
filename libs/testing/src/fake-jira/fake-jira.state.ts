/** In-memory Jira site: issues with comments, properties and remote links, plus the events it raised. */

export type JiraStatusCategory = 'new' | 'indeterminate' | 'done';

export interface FakeJiraUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
}

export interface JiraIssueSeed {
  key: string;
  summary: string;
  /** ADF document, or a string that becomes a one-paragraph ADF document. */
  description?: unknown;
  labels?: string[];
  components?: string[];
  issueType?: string;
  status?: string;
  statusCategory?: JiraStatusCategory;
  created?: Date;
  updated?: Date;
  /**
   * Resolution name; defaults to `Done` for an issue in the done category (null otherwise). Pass
   * null for a workflow that closes issues without setting a resolution.
   */
  resolution?: string | null;
  /** When it was resolved (`resolutiondate`); defaults to `statusCategoryChanged` when resolved. */
  resolved?: Date;
  /** When its status category last changed (`statuscategorychangedate`); defaults to `updated`. */
  statusCategoryChanged?: Date;
  /** Value of the site's story-point field (see `FakeJiraOptions.storyPointsField`). */
  storyPoints?: number | null;
}

/** The custom field a site keeps story points in; its id differs between Jira sites. */
export interface JiraStoryPointsField {
  id: string;
  name: string;
}

export const DEFAULT_STORY_POINTS_FIELD: JiraStoryPointsField = {
  id: 'customfield_10016',
  name: 'Story point estimate',
};

export interface JiraCommentRecord {
  id: string;
  author: FakeJiraUser;
  updateAuthor: FakeJiraUser;
  body: unknown;
  created: Date;
  updated: Date;
}

export interface JiraRemoteLinkRecord {
  id: number;
  globalId?: string;
  application?: unknown;
  relationship?: string;
  object: Record<string, unknown>;
}

export interface JiraIssueRecord {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: unknown;
  labels: string[];
  components: string[];
  issueType: string;
  status: string;
  statusCategory: JiraStatusCategory;
  created: Date;
  updated: Date;
  resolution: string | null;
  resolutionDate: Date | null;
  statusCategoryChangeDate: Date;
  storyPoints: number | null;
  properties: Map<string, unknown>;
  comments: JiraCommentRecord[];
  remoteLinks: JiraRemoteLinkRecord[];
}

export interface JiraChangeItem {
  field: string;
  fieldtype: string;
  /** Absent on some items, such as the `Key` change of a move. */
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/** A webhook Jira would raise for a change; `identifier` is stable across redeliveries. */
export interface JiraEvent {
  identifier: string;
  payload: Record<string, unknown>;
}

export function textToAdf(text: string): unknown {
  return {
    type: 'doc',
    version: 1,
    content: text === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

export class FakeJiraState {
  readonly issues = new Map<string, JiraIssueRecord>();
  readonly events: JiraEvent[] = [];
  private nextIssueId = 10_000;
  private nextCommentId = 20_000;
  private nextLinkId = 1;
  private nextEventId = 1;
  private readonly listeners: ((event: JiraEvent) => void)[] = [];
  /** Old key → current key of moved issues: Jira still answers the old key, with the issue as it is now. */
  private readonly movedKeys = new Map<string, string>();

  constructor(
    readonly now: () => Date,
    /** Null: the site has no story-point field. */
    readonly storyPointsField: JiraStoryPointsField | null = DEFAULT_STORY_POINTS_FIELD,
  ) {}

  onEvent(listener: (event: JiraEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(payload: Record<string, unknown>): JiraEvent {
    const event = { identifier: `fake-jira-delivery-${this.nextEventId++}`, payload };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  find(idOrKey: string): JiraIssueRecord | undefined {
    const upper = idOrKey.toUpperCase();
    const byKey = this.issues.get(upper) ?? this.issues.get(this.movedKeys.get(upper) ?? '');
    if (byKey) return byKey;
    for (const issue of this.issues.values()) if (issue.id === idOrKey) return issue;
    return undefined;
  }

  seed(seed: JiraIssueSeed): JiraIssueRecord {
    const key = seed.key.toUpperCase();
    const dash = key.lastIndexOf('-');
    if (dash <= 0 || this.issues.has(key)) throw new Error(`bad or duplicate Jira issue key: ${seed.key}`);
    const created = seed.created ?? this.now();
    const updated = seed.updated ?? created;
    const category = seed.statusCategory ?? 'new';
    const resolution = seed.resolution !== undefined ? seed.resolution : category === 'done' ? 'Done' : null;
    const categoryChanged = seed.statusCategoryChanged ?? updated;
    const issue: JiraIssueRecord = {
      id: String(this.nextIssueId++),
      key,
      projectKey: key.slice(0, dash),
      summary: seed.summary,
      description:
        typeof seed.description === 'string' ? textToAdf(seed.description) : (seed.description ?? null),
      labels: [...(seed.labels ?? [])],
      components: [...(seed.components ?? [])],
      issueType: seed.issueType ?? 'Story',
      status: seed.status ?? 'To Do',
      statusCategory: category,
      created,
      updated,
      resolution,
      resolutionDate: resolution === null ? null : (seed.resolved ?? categoryChanged),
      statusCategoryChangeDate: categoryChanged,
      storyPoints: seed.storyPoints ?? null,
      properties: new Map(),
      comments: [],
      remoteLinks: [],
    };
    this.issues.set(key, issue);
    return issue;
  }

  /** Moves an issue to another project: it gets the next key there, and its old key still finds it. */
  move(key: string, toProjectKey: string): JiraIssueRecord {
    const issue = this.find(key);
    if (!issue) throw new Error(`no Jira issue ${key} to move`);
    const project = toProjectKey.toUpperCase();
    const taken = [...this.issues.values()].filter((i) => i.projectKey === project).length;
    let number = taken + 1;
    while (this.issues.has(`${project}-${number}`)) number++;
    this.issues.delete(issue.key);
    for (const [old, current] of this.movedKeys)
      if (current === issue.key) this.movedKeys.set(old, `${project}-${number}`);
    this.movedKeys.set(issue.key, `${project}-${number}`);
    issue.key = `${project}-${number}`;
    issue.projectKey = project;
    this.issues.set(issue.key, issue);
    return issue;
  }

  newCommentId(): string {
    return String(this.nextCommentId++);
  }

  newLinkId(): number {
    return this.nextLinkId++;
  }
}

/** Changelog item for a label edit: Jira lists the whole set before and after, space-separated. */
export function labelChange(before: string[], after: string[]): JiraChangeItem {
  return {
    field: 'labels',
    fieldtype: 'jira',
    fieldId: 'labels',
    from: null,
    fromString: before.join(' '),
    to: null,
    toString: after.join(' '),
  };
}

export function fieldChange(
  field: string,
  fieldId: string,
  from: string | null,
  to: string | null,
): JiraChangeItem {
  return { field, fieldtype: 'jira', fieldId, from: null, fromString: from, to: null, toString: to };
}
