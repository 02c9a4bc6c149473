import { FakeJira, FakeLinear, sampleRiskReport } from '@sightline/testing';
import { JiraTrackerClient } from '../jira/jira-tracker.client';
import { LinearTrackerClient } from '../linear/linear-tracker.client';
import { renderNote } from '../notes/render-note';
import {
  JIRA_FEEDBACK_LABEL,
  JIRA_PROPERTY_KEY,
  JIRA_RISK_LABEL,
  LINEAR_FEEDBACK_LABEL,
  LINEAR_RISK_LABEL,
} from '../tracker-constants';
import { parseJiraWebhook } from './jira-webhook.parser';
import { parseLinearWebhook } from './linear-webhook.parser';
import {
  canChangeNote,
  decideWebhook,
  isOwnEcho,
  lifecycleChangeOf,
  type OwnWriteSignature,
} from './ticket-event';

const machineData = {
  reportUrl: 'https://sightline.example/r/1',
  title: 'Sightline',
  subtitle: 'Risk: high · 1 area',
  data: { risk: 'high' },
};

describe('Jira webhook events', () => {
  let jira: FakeJira;
  let own: OwnWriteSignature;

  beforeEach(async () => {
    jira = await FakeJira.start();
    own = { botAccountId: jira.bot.accountId, riskLabels: [JIRA_RISK_LABEL], propertyKey: JIRA_PROPERTY_KEY };
  });
  afterEach(() => jira.stop());

  it('enriches on creation and on edits of note inputs, not on other edits or deletions', () => {
    const created = parseJiraWebhook(
      jira.createIssue({ key: 'ENG-1', summary: 'Story', labels: ['ux'] }).payload,
    );
    expect(created).toMatchObject({
      kind: 'created',
      entity: 'issue',
      ticketKey: 'ENG-1',
      projectKey: 'ENG',
      actorId: jira.human.accountId,
    });
    expect(decideWebhook(created, own)).toEqual({ action: 'enrich', ticketKey: 'ENG-1' });

    const renamed = parseJiraWebhook(jira.editIssue('ENG-1', { summary: 'Story, renamed' })?.payload);
    expect(renamed.changedFields).toEqual(['title']);
    expect(decideWebhook(renamed, own).action).toBe('enrich');

    const components = parseJiraWebhook(jira.editIssue('ENG-1', { components: ['Checkout'] })?.payload);
    expect(components.changedFields).toEqual(['components']);
    expect(canChangeNote(components)).toBe(true);

    const statusChange = parseJiraWebhook({
      webhookEvent: 'jira:issue_updated',
      user: { accountId: jira.human.accountId },
      issue: { id: '1', key: 'ENG-1', fields: {} },
      changelog: {
        items: [
          { field: 'status', fieldtype: 'jira', fieldId: 'status', fromString: 'To Do', toString: 'Done' },
        ],
      },
    });
    expect(decideWebhook(statusChange, own)).toEqual({ action: 'ignore', reason: 'not-note-relevant' });

    const deleted = parseJiraWebhook({
      webhookEvent: 'jira:issue_deleted',
      issue: { id: '1', key: 'ENG-1' },
    });
    expect(decideWebhook(deleted, own)).toEqual({ action: 'ignore', reason: 'deleted' });
    expect(() => parseJiraWebhook({ issue: { key: 'ENG-1' } })).toThrow();
  });

  it('reads the phase a status change leads to, a move as a new key, and a deletion as a closing', () => {
    const created = parseJiraWebhook(jira.createIssue({ key: 'ENG-1', summary: 'Story' }).payload);
    expect(created.phase).toBe('unstarted');
    expect(lifecycleChangeOf(created)).toBeNull();
    const started = parseJiraWebhook(jira.transitionIssue('ENG-1', 'indeterminate')?.payload);
    expect(started).toMatchObject({ changedFields: ['status'], phase: 'started' });
    expect(lifecycleChangeOf(started)).toBe('open');
    const done = parseJiraWebhook(jira.transitionIssue('ENG-1', 'done')?.payload);
    expect(done).toMatchObject({ changedFields: ['status', 'resolution'], phase: 'done' });
    expect(lifecycleChangeOf(done)).toBe('closed');
    expect(lifecycleChangeOf(parseJiraWebhook(jira.transitionIssue('ENG-1', 'new')?.payload))).toBe('open');
    // A done ticket whose title changes is not closed by that edit.
    const renamed = parseJiraWebhook(jira.editIssue('ENG-1', { summary: 'Story, renamed' })?.payload);
    expect(renamed.phase).toBe('unstarted');
    expect(lifecycleChangeOf(renamed)).toBeNull();
    const id = jira.issue('ENG-1').id;
    const moved = parseJiraWebhook(jira.moveIssue('ENG-1', 'OPS').payload);
    // A new key, the same id: the id finds the report under the old key.
    expect(moved).toMatchObject({ ticketKey: 'OPS-1', ticketId: id, changedFields: ['key', 'project'] });
    // The project decides which repositories it is matched against: the note is made again.
    expect(decideWebhook(moved, own)).toEqual({ action: 'enrich', ticketKey: 'OPS-1' });
    expect(lifecycleChangeOf(moved)).toBeNull();
    expect(lifecycleChangeOf(parseJiraWebhook(jira.deleteIssue('OPS-1').payload))).toBe('closed');
    // A payload without the status says nothing about the phase.
    const bare = parseJiraWebhook({
      webhookEvent: 'jira:issue_updated',
      issue: { id: '1', key: 'ENG-1', fields: {} },
      changelog: { items: [{ field: 'status', fieldId: 'status', fromString: 'To Do', toString: 'Done' }] },
    });
    expect(bare.phase).toBeNull();
    expect(lifecycleChangeOf(bare)).toBeNull();
  });

  it("carries the ticket's updated time from the payload, else the webhook's timestamp", async () => {
    const clock = { now: new Date('2026-11-02T10:00:00.000Z') };
    const timed = await FakeJira.start({ now: () => clock.now });
    try {
      timed.createIssue({ key: 'ENG-1', summary: 'Story' });
      clock.now = new Date('2026-11-02T10:05:00.250Z');
      const done = parseJiraWebhook(timed.transitionIssue('ENG-1', 'done')?.payload);
      expect(done.ticketUpdatedAt).toEqual(clock.now);
    } finally {
      await timed.stop();
    }
    const bare = { webhookEvent: 'jira:issue_updated', issue: { id: '1', key: 'ENG-1', fields: {} } };
    expect(parseJiraWebhook({ ...bare, timestamp: 1_700_000_000_000 }).ticketUpdatedAt).toEqual(
      new Date(1_700_000_000_000),
    );
    const unreadable = { ...bare, issue: { ...bare.issue, fields: { updated: 'yesterday' } } };
    expect(parseJiraWebhook(unreadable).ticketUpdatedAt).toBeNull();
  });

  it("recognises every event raised by Sightline's own writes as an echo", async () => {
    jira.seedIssue({ key: 'ENG-1', summary: 'Story', labels: ['ux'] });
    const client = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'basic', email: 'sightline@example.com', apiToken: jira.botApiToken },
    });
    await client.upsertNote('ENG-1', renderNote(sampleRiskReport()));
    await client.upsertNote('ENG-1', renderNote(sampleRiskReport({ riskLevel: 'low' })));
    await client.setRiskLabel('ENG-1', true);
    await client.writeMachineData('ENG-1', machineData);
    const events = jira.events.map((event) => parseJiraWebhook(event.payload));
    expect(events.map((e) => e.eventName)).toEqual([
      'comment_created',
      'comment_updated',
      'jira:issue_updated',
      'issue_property_set',
    ]);
    expect(events.map((e) => decideWebhook(e, own))).toEqual(
      events.map(() => ({ action: 'ignore', reason: 'own-write' })),
    );
    // Without knowing the bot account, the label and property changes are still recognised as ours.
    const anonymous = { ...own, botAccountId: null };
    expect(events.map((e) => isOwnEcho(e, anonymous))).toEqual([false, false, true, true]);
    expect(events.map((e) => decideWebhook(e, anonymous).action)).toEqual([
      'ignore',
      'ignore',
      'ignore',
      'ignore',
    ]);
  });

  it('treats a human label edit as note input even next to our label', () => {
    jira.seedIssue({ key: 'ENG-1', summary: 'Story', labels: ['ux', JIRA_RISK_LABEL] });
    const event = parseJiraWebhook(
      jira.editIssue('ENG-1', { labels: ['ux', JIRA_RISK_LABEL, 'billing'] })?.payload,
    );
    expect(event).toMatchObject({ labelsAdded: ['billing'], labelsRemoved: [] });
    expect(decideWebhook(event, own).action).toBe('enrich');
  });

  it('enriches when a person adds the feedback label; its removal, ours or theirs, starts nothing', async () => {
    const withFeedback = { ...own, feedbackLabels: [JIRA_FEEDBACK_LABEL] };
    jira.seedIssue({ key: 'ENG-1', summary: 'Story', labels: ['ux'] });
    const added = parseJiraWebhook(jira.editIssue('ENG-1', { labels: ['ux', JIRA_FEEDBACK_LABEL] })?.payload);
    expect(added).toMatchObject({ labelsAdded: [JIRA_FEEDBACK_LABEL], actorId: jira.human.accountId });
    expect(decideWebhook(added, withFeedback)).toEqual({ action: 'enrich', ticketKey: 'ENG-1' });

    const client = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'basic', email: 'sightline@example.com', apiToken: jira.botApiToken },
    });
    await client.removeLabel('ENG-1', JIRA_FEEDBACK_LABEL);
    expect(jira.issue('ENG-1').labels).toEqual(['ux']);
    const ours = parseJiraWebhook(jira.events[jira.events.length - 1].payload);
    expect(ours.labelsRemoved).toEqual([JIRA_FEEDBACK_LABEL]);
    expect(decideWebhook(ours, withFeedback)).toEqual({ action: 'ignore', reason: 'own-write' });
    // Even before the bot account is known, taking the label off is not an edit worth a re-match.
    expect(decideWebhook(ours, { ...withFeedback, botAccountId: null })).toEqual({
      action: 'ignore',
      reason: 'not-note-relevant',
    });
    jira.editIssue('ENG-1', { labels: ['ux', JIRA_FEEDBACK_LABEL] });
    const theirs = parseJiraWebhook(jira.editIssue('ENG-1', { labels: ['ux'] })?.payload);
    expect(decideWebhook(theirs, withFeedback).action).toBe('ignore');
    await expect(client.removeLabel('ENG-1', 'two words')).rejects.toThrow(/cannot contain spaces/);
  });
});

describe('Linear webhook events', () => {
  let linear: FakeLinear;
  let own: OwnWriteSignature;

  beforeEach(async () => {
    linear = await FakeLinear.start();
    own = { botAccountId: linear.bot.id, riskLabels: [LINEAR_RISK_LABEL] };
  });
  afterEach(() => linear.stop());

  const stamp = (payload: Record<string, unknown> | undefined) => ({
    ...payload,
    webhookTimestamp: 1_700_000_000_000,
  });

  it('enriches on creation and on title/description/label edits, not on state changes', () => {
    const created = parseLinearWebhook(stamp(linear.createIssue({ teamKey: 'ENG', title: 'Story' }).payload));
    expect(created).toMatchObject({
      kind: 'created',
      entity: 'issue',
      ticketKey: 'ENG-1',
      projectKey: 'ENG',
      actorId: linear.human.id,
    });
    expect(decideWebhook(created, own)).toEqual({ action: 'enrich', ticketKey: 'ENG-1' });
    const edited = parseLinearWebhook(
      stamp(linear.editIssue('ENG-1', { description: 'More detail' })?.payload),
    );
    expect(edited.changedFields).toEqual(['description', 'updatedAt']);
    expect(decideWebhook(edited, own).action).toBe('enrich');
    const moved = parseLinearWebhook(stamp(linear.editIssue('ENG-1', { state: 'In Progress' })?.payload));
    expect(moved.changedFields).toEqual(['status', 'updatedAt']);
    expect(decideWebhook(moved, own)).toEqual({ action: 'ignore', reason: 'not-note-relevant' });
    expect(() => parseLinearWebhook({ type: 'Issue', data: {} })).toThrow();
  });

  it("carries the issue's updatedAt, not the delivery's stamp, which a redelivery renews", async () => {
    const clock = { now: new Date('2026-11-02T10:00:00.000Z') };
    const timed = await FakeLinear.start({ now: () => clock.now });
    try {
      timed.createIssue({ teamKey: 'ENG', title: 'Story' });
      clock.now = new Date('2026-11-02T10:05:00.250Z');
      const closed = parseLinearWebhook(stamp(timed.editIssue('ENG-1', { state: 'completed' })?.payload));
      expect(closed.ticketUpdatedAt).toEqual(clock.now);
    } finally {
      await timed.stop();
    }
    const comment = parseLinearWebhook(
      stamp({ action: 'create', type: 'Comment', data: { id: 'c1', issueId: 'i1', body: 'hi' } }),
    );
    expect(comment.ticketUpdatedAt).toBeNull();
  });

  it('reads the phase a state change leads to, and a removal as a closing', () => {
    linear.createIssue({ teamKey: 'ENG', title: 'Story' });
    const event = (edit: Parameters<FakeLinear['editIssue']>[1]) =>
      parseLinearWebhook(stamp(linear.editIssue('ENG-1', edit)?.payload));
    const started = event({ state: 'started' });
    expect(started.phase).toBe('started');
    expect(lifecycleChangeOf(started)).toBe('open');
    expect(lifecycleChangeOf(event({ state: 'completed' }))).toBe('closed');
    expect(lifecycleChangeOf(event({ state: 'unstarted' }))).toBe('open');
    expect(lifecycleChangeOf(event({ state: 'canceled' }))).toBe('closed');
    expect(lifecycleChangeOf(event({ title: 'Story, renamed' }))).toBeNull();
    const removed = parseLinearWebhook(stamp(linear.deleteIssue('ENG-1').payload));
    expect(removed).toMatchObject({ kind: 'deleted', entity: 'issue', ticketKey: 'ENG-1' });
    expect(decideWebhook(removed, own)).toEqual({ action: 'ignore', reason: 'deleted' });
    expect(lifecycleChangeOf(removed)).toBe('closed');
  });

  it("recognises every event raised by Sightline's own writes as an echo", async () => {
    linear.seedIssue({ teamKey: 'ENG', title: 'Story', labels: ['ux'] });
    const client = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: linear.botApiKey },
    });
    await client.upsertNote('ENG-1', renderNote(sampleRiskReport()));
    await client.setRiskLabel('ENG-1', true);
    await client.writeMachineData('ENG-1', machineData);
    const events = linear.events.map((event) => parseLinearWebhook(stamp(event.payload)));
    expect(events.map((e) => e.eventName)).toEqual([
      'Comment.create',
      'IssueLabel.create',
      'Issue.update',
      'Attachment.create',
    ]);
    expect(events.map((e) => decideWebhook(e, own).action)).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
    expect(events.map((e) => isOwnEcho(e, own))).toEqual([true, true, true, true]);
    const labelEdit = events[2];
    expect(labelEdit).toMatchObject({ labelsAdded: [LINEAR_RISK_LABEL], labelsRemoved: [] });
    expect(isOwnEcho(labelEdit, { ...own, botAccountId: null })).toBe(true);
  });

  it('recognises our label removal by id when the payload no longer names it', async () => {
    linear.seedIssue({ teamKey: 'ENG', title: 'Story', labels: ['ux', LINEAR_RISK_LABEL] });
    const labelId = [...linear.state.labels.values()].find((l) => l.name === LINEAR_RISK_LABEL)?.id ?? '';
    const removal = parseLinearWebhook(stamp(linear.editIssue('ENG-1', { labels: ['ux'] })?.payload));
    expect(removal.labelsRemoved).toEqual([`id:${labelId}`]);
    const anonymous = { botAccountId: null, riskLabels: [LINEAR_RISK_LABEL] };
    expect(isOwnEcho(removal, anonymous)).toBe(false);
    expect(isOwnEcho(removal, { ...anonymous, riskLabelIds: [labelId] })).toBe(true);
  });

  it('provides the feedback label in the team once, enriches when a person adds it, ignores our removal', async () => {
    const withFeedback = { ...own, feedbackLabels: [LINEAR_FEEDBACK_LABEL] };
    linear.seedIssue({ teamKey: 'ENG', title: 'Story', labels: ['ux'] });
    linear.seedIssue({ teamKey: 'ENG', title: 'Another story' });
    const client = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: linear.botApiKey },
    });
    await client.ensureLabel('ENG-1', LINEAR_FEEDBACK_LABEL);
    await client.ensureLabel('ENG-2', LINEAR_FEEDBACK_LABEL);
    const feedbackLabels = [...linear.state.labels.values()].filter((l) => l.name === LINEAR_FEEDBACK_LABEL);
    expect(feedbackLabels).toEqual([
      expect.objectContaining({ teamId: linear.state.teamByKey('ENG')?.id, description: expect.any(String) }),
    ]);
    expect(linear.requests.filter((r) => r.operation === 'createIssueLabel')).toHaveLength(1);

    const added = parseLinearWebhook(
      stamp(linear.editIssue('ENG-1', { labels: ['ux', LINEAR_FEEDBACK_LABEL] })?.payload),
    );
    expect(added).toMatchObject({ labelsAdded: [LINEAR_FEEDBACK_LABEL], actorId: linear.human.id });
    expect(decideWebhook(added, withFeedback)).toEqual({ action: 'enrich', ticketKey: 'ENG-1' });

    await client.removeLabel('ENG-1', LINEAR_FEEDBACK_LABEL);
    expect(linear.labelNames('ENG-1')).toEqual(['ux']);
    const ours = parseLinearWebhook(stamp(linear.events[linear.events.length - 1].payload));
    expect(ours.labelsRemoved).toEqual([`id:${feedbackLabels[0].id}`]);
    expect(decideWebhook(ours, withFeedback)).toEqual({ action: 'ignore', reason: 'own-write' });
    const updates = linear.requests.filter((r) => r.operation === 'updateIssue').length;
    await client.removeLabel('ENG-1', LINEAR_FEEDBACK_LABEL);
    expect(linear.requests.filter((r) => r.operation === 'updateIssue')).toHaveLength(updates);
  });
});
