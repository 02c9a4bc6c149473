import type { doc } from '@atlaskit/adf-utils/builders';

export type TrackerKind = 'jira' | 'linear';

/** An Atlassian Document Format document as the adf-utils builders produce it. */
export type AdfDocument = ReturnType<typeof doc>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The account the connection's credentials act as; its writes are ours and must never re-trigger work. */
export interface BotIdentity {
  accountId: string;
  displayName: string;
}

/** Where a ticket is in its life, the same scale for both trackers (sweeps re-check only `unstarted`). */
export type TicketPhase = 'unstarted' | 'started' | 'done';

export interface TicketStatus {
  name: string;
  /** Jira status category key (`new`, `indeterminate`, `done`) or Linear state type (`triage`, `backlog`, …). */
  category: string;
  phase: TicketPhase;
}

export type TicketDescriptionSource =
  { format: 'adf'; document: unknown } | { format: 'markdown'; text: string };

/** A ticket read from the tracker, normalised. The tracker is the truth; webhook bodies are only hints. */
export interface Ticket {
  tracker: TrackerKind;
  /** Jira issue key (`ENG-12`) or Linear identifier (`ENG-12`). */
  key: string;
  /** Jira numeric issue id or Linear UUID. */
  id: string;
  /** Jira project key or Linear team key. */
  projectKey: string;
  title: string;
  /** Plain text: Jira ADF and Linear Markdown are both flattened here (`adfToText`, `markdownToText`). */
  description: string;
  /**
   * The description as the tracker stores it, for consumers with their own converter (the matcher
   * lifts code spans out of it). `null` when the ticket has no description.
   */
  descriptionSource: TicketDescriptionSource | null;
  /** Jira issue type name; Linear has no issue types (null). */
  type: string | null;
  status: TicketStatus;
  labels: string[];
  /** Jira component names; Linear has no components (always empty). */
  components: string[];
  createdAt: Date;
  updatedAt: Date;
  /** Browser URL of the ticket. */
  url: string;
}

/** Sightline's own comment on a ticket, found by marker and author. */
export interface OwnNote {
  id: string;
  /** Plain-text content (ADF flattened for Jira, Markdown as stored for Linear). */
  text: string;
}

/** One rendered note in both formats; each adapter writes the one its tracker understands. */
export interface NoteContent {
  adf: AdfDocument;
  markdown: string;
  /** sha256 of the canonical rendering: unchanged hash → nothing to write. */
  contentHash: string;
  /** Text present in every rendering that identifies our comment after a crash. */
  marker: string;
}

export interface UpsertNoteResult {
  noteId: string;
  action: 'created' | 'updated';
}

/** The machine-readable slot: Jira issue property, Linear attachment (upserted by issue + URL). */
export interface MachineData {
  /** Link to the full report; Linear's attachment identity, so keep it stable per ticket. */
  reportUrl: string;
  title: string;
  /** e.g. "Risk: high · 2 areas". */
  subtitle: string;
  /** Linear attachment metadata documents string and number values; keep the object flat for Linear. */
  data: JsonObject;
}

/**
 * A past ticket's life as the tracker recorded it, for duration evidence. Deliberately nothing about
 * people: no assignee, reporter or author is read, so no individual can be ranked or compared.
 */
export interface TicketLifecycle {
  key: string;
  createdAt: Date;
  /**
   * When it was completed: Jira `resolutiondate` (else the status-category change when it sits in
   * Done), Linear `completedAt`. Null while open, and when it ended without being done (Jira
   * resolutions such as Won't Do or Duplicate, Linear canceled or duplicate).
   */
  completedAt: Date | null;
  phase: TicketPhase;
  /** Story points (Jira's story-point field, found by name) or Linear `estimate`; null when none. */
  estimate: number | null;
}

export interface LifecycleRead {
  lifecycles: Map<string, TicketLifecycle>;
  /**
   * Keys the tracker could not answer for this time (Jira lists such issues in `issueErrors`
   * without saying which key); ask again later. Any other key missing from `lifecycles` is unknown
   * to the tracker (deleted, another site, not visible to the bot; a moved issue is found by its old key).
   */
  unavailable: string[];
}

export interface BacklogQuery {
  /** Jira project key or Linear team key. */
  projectKey: string;
  /** Page size; trackers may return fewer. */
  pageSize?: number;
  /**
   * Jira only: the mapping's JQL, narrowing the project's backlog (see `backlogJql`); without it
   * the backlog is the project's un-started tickets. Linear mappings cannot have one.
   */
  jql?: string | null;
}

export interface BacklogPage {
  tickets: Ticket[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The one port the enrichment service writes through. Every method throws only `TrackerError`
 * subclasses (see tracker-errors.ts), never a client library's own error types.
 */
export interface TrackerClient {
  readonly kind: TrackerKind;
  whoAmI(): Promise<BotIdentity>;
  getTicket(key: string): Promise<Ticket>;
  /** Our comment on the ticket (authored by the bot account and containing `marker`), oldest first wins. */
  findOwnNote(key: string, marker: string): Promise<OwnNote | null>;
  /**
   * Updates our comment in place, or creates it once. Without `existingNoteId` (or when that comment
   * was deleted) it searches by `note.marker` first, so a job retried after a crash never posts twice.
   */
  upsertNote(key: string, note: NoteContent, existingNoteId?: string | null): Promise<UpsertNoteResult>;
  /**
   * Adds or removes the high-risk label incrementally, never touching other labels. `currentLabels`
   * (from `getTicket`) saves a read; `changed` is false when the label was already as asked.
   */
  setRiskLabel(
    key: string,
    present: boolean,
    currentLabels?: readonly string[],
  ): Promise<{ changed: boolean }>;
  /**
   * Removes one label a person applied (the feedback label) incrementally, never touching other
   * labels; a ticket without it is left as it is.
   */
  removeLabel(key: string, label: string): Promise<void>;
  /**
   * Makes sure people can apply `label` to this ticket: a Linear label must exist in the team or
   * workspace (found, else created in the ticket's team, once per team); Jira labels are free-form.
   */
  ensureLabel(key: string, label: string): Promise<void>;
  /**
   * Writes the machine-readable slot. With `replacesLink` the ticket may hold ours under another
   * report link (the links were renewed): Jira's property is overwritten anyway; Linear keys
   * attachments by URL, so Sightline's attachments with another URL are deleted once the new one
   * is stored.
   */
  writeMachineData(key: string, data: MachineData, options?: { replacesLink?: boolean }): Promise<void>;
  /** Un-started tickets of a project/team, one page at a time. */
  searchBacklog(query: BacklogQuery, cursor?: string | null): Promise<BacklogPage>;
  /**
   * The lifecycles of past tickets, in as few requests as the tracker allows (Jira 100 keys per
   * bulk fetch, Linear 100 per team). A key the tracker does not know is absent, never an error.
   */
  getLifecycles(keys: readonly string[]): Promise<LifecycleRead>;
}
