import {
  EnrichmentRunRepository,
  TicketFeedbackRepository,
  TicketReportRepository,
} from '@sightline/persistence';
import { FakeJira, FakeLinear, sendJiraWebhook, type JiraEvent, type LinearEvent } from '@sightline/testing';
import {
  JIRA_FEEDBACK_LABEL,
  JIRA_RISK_LABEL,
  LINEAR_FEEDBACK_LABEL,
  adfToText,
  riskNoteReportSchema,
} from '@sightline/trackers';
import {
  answerOf,
  EnrichmentHarness,
  INVOICE_ISSUE,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

/**
 * The feedback label end to end, for both trackers: a person applies it, the verdict lands on the
 * area the note led with, the next ranking leads with another area, the label comes off (our
 * removal's webhook is an echo), and nothing is recorded twice.
 */
describe('Feedback label in the tracker (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let linear: FakeLinear;
  let jiraShop: ConnectedTracker;
  let linearShop: ConnectedTracker;
  let feedback: TicketFeedbackRepository;
  let runs: EnrichmentRunRepository;

  /** The area the stored note leads with; undefined when it names none. */
  const topArea = async (connectionId: string, key: string): Promise<string | undefined> => {
    const report = await harness.get(TicketReportRepository).find(connectionId, key);
    return riskNoteReportSchema.parse(report?.noteReport).areas[0]?.path;
  };
  const runCount = async (connectionId: string) =>
    (await runs.list({ connectionId, limit: 1, offset: 0 })).total;

  beforeAll(async () => {
    jira = await FakeJira.start();
    linear = await FakeLinear.start();
    linear.seedTeam('FBL');
    await harness.start();
    await harness.seedRepository();
    jiraShop = await harness.connectJira(jira, { projectKey: 'FBJ' });
    linearShop = await harness.connectLinear(linear, { projectKey: 'FBL' });
    feedback = harness.get(TicketFeedbackRepository);
    runs = harness.get(EnrichmentRunRepository);
  });

  afterAll(async () => {
    await harness.stop();
    await linear.stop();
    await jira.stop();
  });

  describe('Jira', () => {
    const key = 'FBJ-1';
    let labelAdded: JiraEvent;
    let firstTop: string | undefined;

    const deliver = async (event: JiraEvent) =>
      answerOf(await jira.deliver(jiraShop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
    const labelOn = () => jira.issue(key).labels.includes(JIRA_FEEDBACK_LABEL);

    it('records a person’s label on the top area, re-ranks without it and takes the label off', async () => {
      const created = jira.createIssue({ key, ...INVOICE_ISSUE });
      expect((await harness.settle((await deliver(created)).runId as string)).status).toBe('written');
      firstTop = await topArea(jiraShop.connectionId, key);
      expect(firstTop).toEqual(expect.any(String));
      expect(jira.issue(key).labels).toEqual([JIRA_RISK_LABEL]);

      labelAdded = jira.editIssue(key, { labels: [JIRA_RISK_LABEL, JIRA_FEEDBACK_LABEL] }) as JiraEvent;
      const answer = await deliver(labelAdded);
      expect(answer.outcome).toBe('enqueued');
      const run = await harness.settle(answer.runId as string);
      expect(run.status).toBe('written');
      expect(run.outcome).toMatch(/^comment updated/);

      expect(await feedback.listForTicket(jiraShop.connectionId, key)).toEqual([
        expect.objectContaining({
          path: firstTop,
          repositoryId: harness.repositoryId,
          target: 'area',
          verdict: 'wrong',
          source: 'tracker-label',
          actor: `jira:${jira.human.accountId}`,
          ticketText: expect.stringContaining(INVOICE_ISSUE.summary),
        }),
      ]);
      const nextTop = await topArea(jiraShop.connectionId, key);
      expect(nextTop).not.toBe(firstTop);
      const issue = jira.issue(key);
      expect(issue.comments).toHaveLength(1);
      expect(adfToText(issue.comments[0].body)).toContain(nextTop);
      expect(labelOn()).toBe(false);
      expect(await feedback.isLabelApplicationRecorded(jiraShop.connectionId, key)).toBe(false);
    });

    it('treats our removal of the label as an echo, and a redelivered or resent webhook records nothing again', async () => {
      const before = await runCount(jiraShop.connectionId);
      const removal = jira.events.filter(
        (event) =>
          (event.payload.user as { accountId?: string } | undefined)?.accountId === jira.bot.accountId &&
          JSON.stringify(event.payload.changelog ?? {}).includes(JIRA_FEEDBACK_LABEL),
      );
      expect(removal).toHaveLength(1);
      expect(await deliver(removal[0])).toEqual(
        expect.objectContaining({ outcome: 'ignored', reason: 'own-write' }),
      );
      expect(await deliver(labelAdded)).toEqual(expect.objectContaining({ outcome: 'duplicate' }));
      expect(await runCount(jiraShop.connectionId)).toBe(before);

      // The same change arriving under a new delivery id (a resend): the ticket as read has no label.
      const resent = answerOf(
        await sendJiraWebhook(jiraShop.webhookUrl, labelAdded.payload, { secret: WEBHOOK_SECRET }),
      );
      expect(resent.outcome).toBe('enqueued');
      expect((await harness.settle(resent.runId as string)).status).toBe('unchanged');
      expect(await feedback.listForTicket(jiraShop.connectionId, key)).toHaveLength(1);
    });

    it('picks up a label whose webhook was lost from the ticket as read, with no actor to name', async () => {
      const secondTop = await topArea(jiraShop.connectionId, key);
      expect(secondTop).toEqual(expect.any(String));
      jira.editIssue(key, { labels: [...jira.issue(key).labels, JIRA_FEEDBACK_LABEL] }); // never delivered
      const forced = await harness
        .http()
        .post(`/api/tickets/jira/${key}/enrich`)
        .set({ Authorization: `Bearer ${harness.adminKey}` })
        .send({ mode: 'force' });
      expect(forced.status).toBe(202);
      expect((await harness.settle(forced.body.id)).status).toBe('written');
      const verdicts = await feedback.listForTicket(jiraShop.connectionId, key);
      expect(verdicts.map((v) => [v.path, v.actor, v.source])).toEqual([
        [firstTop, `jira:${jira.human.accountId}`, 'tracker-label'],
        [secondTop, null, 'tracker-label'],
      ]);
      expect(await topArea(jiraShop.connectionId, key)).not.toBe(secondTop);
      expect(labelOn()).toBe(false);
    });

    it('after a crash between recording and removing, the retry only takes the label off', async () => {
      const recorded = (await feedback.listForTicket(jiraShop.connectionId, key)).length;
      // The state a worker killed after the commit leaves behind: the application is marked, the label still on.
      await feedback.recordLabelApplication(jiraShop.connectionId, key, null);
      const again = jira.editIssue(key, {
        labels: [...jira.issue(key).labels, JIRA_FEEDBACK_LABEL],
      }) as JiraEvent;
      const run = await harness.settle((await deliver(again)).runId as string);
      expect(['written', 'unchanged']).toContain(run.status);
      expect(await feedback.listForTicket(jiraShop.connectionId, key)).toHaveLength(recorded);
      expect(labelOn()).toBe(false);
      expect(await feedback.isLabelApplicationRecorded(jiraShop.connectionId, key)).toBe(false);
    });
  });

  describe('Linear', () => {
    let key: string;
    let labelAdded: LinearEvent;

    const deliver = async (event: LinearEvent) =>
      answerOf(await linear.deliver(linearShop.webhookUrl, event, { secret: WEBHOOK_SECRET }));

    it('provides the label in the team with the first note, records a person’s label and re-ranks', async () => {
      const created = linear.createIssue({
        teamKey: 'FBL',
        title: INVOICE_ISSUE.summary,
        description: INVOICE_ISSUE.description,
      });
      key = (created.payload.data as { identifier: string }).identifier;
      expect((await harness.settle((await deliver(created)).runId as string)).status).toBe('written');
      const firstTop = await topArea(linearShop.connectionId, key);
      const provided = [...linear.state.labels.values()].filter((l) => l.name === LINEAR_FEEDBACK_LABEL);
      expect(provided).toEqual([expect.objectContaining({ teamId: linear.state.teamByKey('FBL')?.id })]);

      labelAdded = linear.editIssue(key, {
        labels: [...linear.labelNames(key), LINEAR_FEEDBACK_LABEL],
      }) as LinearEvent;
      const answer = await deliver(labelAdded);
      expect(answer.outcome).toBe('enqueued');
      expect((await harness.settle(answer.runId as string)).status).toBe('written');

      expect(await feedback.listForTicket(linearShop.connectionId, key)).toEqual([
        expect.objectContaining({
          path: firstTop,
          verdict: 'wrong',
          source: 'tracker-label',
          actor: `linear:${linear.human.id}`,
        }),
      ]);
      const nextTop = await topArea(linearShop.connectionId, key);
      expect(nextTop).not.toBe(firstTop);
      const comments = linear.commentsOn(key);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain(nextTop);
      expect(linear.labelNames(key)).not.toContain(LINEAR_FEEDBACK_LABEL);
      // Still the one label: taking it off a ticket does not delete it from the team.
      expect([...linear.state.labels.values()].filter((l) => l.name === LINEAR_FEEDBACK_LABEL)).toHaveLength(
        1,
      );
    });

    it('ignores our removal, and a redelivery records nothing twice', async () => {
      const before = await runCount(linearShop.connectionId);
      const labelId = [...linear.state.labels.values()].find((l) => l.name === LINEAR_FEEDBACK_LABEL)?.id;
      const removal = linear.events.filter((event) => {
        const payload = event.payload as {
          actor?: { id?: string };
          data?: { labelIds?: string[] };
          updatedFrom?: { labelIds?: string[] };
        };
        return (
          payload.actor?.id === linear.bot.id &&
          payload.updatedFrom?.labelIds?.includes(labelId ?? '') === true &&
          !payload.data?.labelIds?.includes(labelId ?? '')
        );
      });
      expect(removal).toHaveLength(1);
      const last = removal[removal.length - 1];
      expect(await deliver(last)).toEqual(
        expect.objectContaining({ outcome: 'ignored', reason: 'own-write' }),
      );
      expect(await deliver(labelAdded)).toEqual(expect.objectContaining({ outcome: 'duplicate' }));
      expect(await runCount(linearShop.connectionId)).toBe(before);
      expect(await feedback.listForTicket(linearShop.connectionId, key)).toHaveLength(1);
    });
  });
});
