import { randomUUID } from 'node:crypto';

/** In-memory Linear workspace: teams with workflow states, labels, issues, comments, attachments. */

export type LinearStateType = 'triage' | 'backlog' | 'unstarted' | 'started' | 'completed' | 'canceled';

export interface LinearUserRecord {
  id: string;
  name: string;
  displayName: string;
  email: string;
}

export interface LinearTeamRecord {
  id: string;
  key: string;
  name: string;
  nextNumber: number;
}

export interface LinearWorkflowStateRecord {
  id: string;
  teamId: string;
  name: string;
  type: LinearStateType;
  position: number;
}

export interface LinearLabelRecord {
  id: string;
  name: string;
  /** null = workspace label. */
  teamId: string | null;
  color: string;
  description: string | null;
  createdAt: Date;
}

export interface LinearIssueRecord {
  id: string;
  identifier: string;
  number: number;
  teamId: string;
  title: string;
  description: string | null;
  stateId: string;
  labelIds: string[];
  creatorId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the issue moves into a completed state, cleared when it leaves it (as Linear does). */
  completedAt: Date | null;
  canceledAt: Date | null;
  estimate: number | null;
  /** Archived issues are left out of `issues` queries unless `includeArchived: true`. */
  archivedAt: Date | null;
}

export interface LinearCommentRecord {
  id: string;
  issueId: string;
  body: string;
  userId: string;
  createdAt: Date;
  updatedAt: Date;
  editedAt: Date | null;
}

export interface LinearAttachmentRecord {
  id: string;
  issueId: string;
  url: string;
  title: string;
  subtitle: string | null;
  metadata: Record<string, unknown>;
  creatorId: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A webhook Linear would send, before `webhookId`/`webhookTimestamp` are stamped at delivery. */
export interface LinearEvent {
  deliveryId: string;
  payload: Record<string, unknown>;
}

const DEFAULT_STATES: [string, LinearStateType][] = [
  ['Triage', 'triage'],
  ['Backlog', 'backlog'],
  ['Todo', 'unstarted'],
  ['In Progress', 'started'],
  ['Done', 'completed'],
  ['Canceled', 'canceled'],
];

export class FakeLinearState {
  readonly users = new Map<string, LinearUserRecord>();
  readonly teams = new Map<string, LinearTeamRecord>();
  readonly states = new Map<string, LinearWorkflowStateRecord>();
  readonly labels = new Map<string, LinearLabelRecord>();
  readonly issues = new Map<string, LinearIssueRecord>();
  readonly comments = new Map<string, LinearCommentRecord>();
  readonly attachments = new Map<string, LinearAttachmentRecord>();
  readonly events: LinearEvent[] = [];
  lastSyncId = 1000;
  private readonly listeners: ((event: LinearEvent) => void)[] = [];

  constructor(readonly now: () => Date) {}

  onEvent(listener: (event: LinearEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(payload: Record<string, unknown>): LinearEvent {
    const event = { deliveryId: randomUUID(), payload };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  addUser(user: LinearUserRecord): LinearUserRecord {
    this.users.set(user.id, user);
    return user;
  }

  addTeam(key: string, name: string = key): LinearTeamRecord {
    const team = { id: randomUUID(), key: key.toUpperCase(), name, nextNumber: 1 };
    this.teams.set(team.id, team);
    DEFAULT_STATES.forEach(([stateName, type], position) => {
      const state = { id: randomUUID(), teamId: team.id, name: stateName, type, position };
      this.states.set(state.id, state);
    });
    return team;
  }

  teamByKey(key: string): LinearTeamRecord | undefined {
    return [...this.teams.values()].find((team) => team.key === key.toUpperCase());
  }

  /** By UUID or identifier (`ENG-12`); the API accepts both. */
  findIssue(idOrIdentifier: string): LinearIssueRecord | undefined {
    const byId = this.issues.get(idOrIdentifier);
    if (byId) return byId;
    const wanted = idOrIdentifier.toUpperCase();
    return [...this.issues.values()].find((issue) => issue.identifier === wanted);
  }

  stateOf(teamId: string, nameOrType: string): LinearWorkflowStateRecord {
    const states = [...this.states.values()].filter((state) => state.teamId === teamId);
    const state = states.find((s) => s.name === nameOrType) ?? states.find((s) => s.type === nameOrType);
    if (!state) throw new Error(`no workflow state ${nameOrType} in team ${teamId}`);
    return state;
  }

  /** The team label with that name, else a workspace label, else a new team label. */
  labelNamed(teamId: string, name: string): LinearLabelRecord {
    const all = [...this.labels.values()].filter((label) => label.name === name);
    const existing =
      all.find((label) => label.teamId === teamId) ?? all.find((label) => label.teamId === null);
    if (existing) return existing;
    const label = {
      id: randomUUID(),
      name,
      teamId,
      color: '#bec2c8',
      description: null,
      createdAt: this.now(),
    };
    this.labels.set(label.id, label);
    return label;
  }

  /** Keeps `completedAt`/`canceledAt` in step with the issue's workflow state, stamped `at`. */
  stampStateTimes(issue: LinearIssueRecord, at: Date): void {
    const type = this.states.get(issue.stateId)?.type;
    if (type === 'completed') issue.completedAt ??= at;
    else issue.completedAt = null;
    if (type === 'canceled') issue.canceledAt ??= at;
    else issue.canceledAt = null;
  }

  nextSyncId(): number {
    this.lastSyncId += 1;
    return this.lastSyncId;
  }
}
