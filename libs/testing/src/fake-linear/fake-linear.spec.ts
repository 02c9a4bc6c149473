import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeLinear } from './fake-linear.server';

describe('FakeLinear wire behaviour (trackers.md §8)', () => {
  let linear: FakeLinear;

  beforeEach(async () => {
    linear = await FakeLinear.start();
    linear.seedIssue({ teamKey: 'ENG', title: 'Story', labels: ['ux'] });
  });
  afterEach(() => linear.stop());

  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
    authorization = linear.botApiKey,
  ) => {
    const response = await fetch(linear.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      json: type.startsWith('application/json') ? JSON.parse(text) : text,
    };
  };

  it('dispatches on the operation name in the query text and rejects unknown operations and credentials', async () => {
    const ok = await gql('query viewer { viewer { id } }');
    expect(ok).toMatchObject({ status: 200, json: { data: { viewer: { id: linear.bot.id } } } });
    expect(ok.headers.get('x-ratelimit-requests-limit')).toBe('5000');
    const unknown = await gql('query somethingElse { x }');
    expect(unknown).toMatchObject({
      status: 400,
      json: { errors: [{ extensions: { type: 'graphql error' } }] },
    });
    const stranger = await gql('query viewer { viewer { id } }', {}, 'lin_api_nope');
    expect(stranger).toMatchObject({
      status: 401,
      json: { errors: [{ extensions: { type: 'authentication error' } }] },
    });
    expect(linear.requests.map((r) => r.operation)).toEqual(['viewer', 'somethingElse', 'viewer']);
  });

  it('treats labelIds as a replacement and addedLabelIds/removedLabelIds as increments', async () => {
    const team = linear.state.teamByKey('ENG');
    const mk = async (name: string) =>
      (
        await gql('mutation createIssueLabel($input: IssueLabelCreateInput!) { x }', {
          input: { name, teamId: team?.id },
        })
      ).json.data.issueLabelCreate.issueLabel.id as string;
    const a = await mk('a');
    const b = await mk('b');
    const update = (input: Record<string, unknown>) =>
      gql('mutation updateIssue($id: String!, $input: IssueUpdateInput!) { x }', { id: 'ENG-1', input });
    await update({ addedLabelIds: [a] });
    expect(linear.labelNames('ENG-1')).toEqual(['ux', 'a']);
    await update({ labelIds: [b] });
    expect(linear.labelNames('ENG-1')).toEqual(['b']);
    await update({ removedLabelIds: [b], addedLabelIds: [a] });
    expect(linear.labelNames('ENG-1')).toEqual(['a']);
    const duplicate = await gql('mutation createIssueLabel($input: IssueLabelCreateInput!) { x }', {
      input: { name: 'A', teamId: team?.id },
    });
    expect(duplicate).toMatchObject({
      status: 400,
      json: { errors: [{ extensions: { type: 'invalid input' } }] },
    });
  });

  it('evaluates filters strictly', async () => {
    const hit = await gql('query issues($filter: IssueFilter) { x }', {
      filter: { team: { key: { eq: 'ENG' } }, labels: { some: { name: { eq: 'ux' } } } },
    });
    expect(hit.json.data.issues.nodes.map((n: { identifier: string }) => n.identifier)).toEqual(['ENG-1']);
    const miss = await gql('query issues($filter: IssueFilter) { x }', {
      filter: { state: { type: { in: ['completed'] } } },
    });
    expect(miss.json.data.issues).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false } });
    expect(
      (await gql('query issues($filter: IssueFilter) { x }', { filter: { assignee: { id: { eq: 'x' } } } }))
        .status,
    ).toBe(400);
  });

  it('lists the comments of one issue pinned by team key and number, or by id, and of no other', async () => {
    linear.seedIssue({ teamKey: 'ENG', title: 'Other' });
    const comment = (issueId: string, body: string) =>
      gql('mutation createComment($input: CommentCreateInput!) { x }', { input: { issueId, body } });
    await comment('ENG-1', 'on one');
    await comment('ENG-2', 'on two');
    const bodies = async (filter: Record<string, unknown>) =>
      (await gql('query comments($filter: CommentFilter) { x }', { filter })).json.data.comments.nodes.map(
        (n: { body: string }) => n.body,
      );
    expect(await bodies({ issue: { team: { key: { eq: 'ENG' } }, number: { eq: 2 } } })).toEqual(['on two']);
    expect(await bodies({ issue: { id: { eq: linear.issue('ENG-1').id } } })).toEqual(['on one']);
    expect(await bodies({ issue: { team: { key: { eq: 'ENG' } }, number: { eq: 9 } } })).toEqual([]);
    expect(await bodies({ issue: { team: { key: { eq: 'ENG' } } } })).toEqual(['on one', 'on two']);
  });

  it('answers rate-limit faults the way the SDK classifies them', async () => {
    linear.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 2 });
    const limited = await gql('query viewer { viewer { id } }');
    expect(limited).toMatchObject({
      status: 400,
      json: { errors: [{ extensions: { type: 'ratelimited', code: 'RATELIMITED' } }] },
    });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-requests-remaining')).toBe('0');
    linear.failNext(1, { kind: 'rate-limit', bare: true }, (r) => r.operation === 'issue');
    expect((await gql('query viewer { viewer { id } }')).status).toBe(200);
    expect(await gql('query issue($id: String!) { x }', { id: 'ENG-1' })).toMatchObject({
      status: 429,
      json: 'Too Many Requests',
    });
  });

  it('delivers signed webhooks for every change to a subscribed URL', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      linear.subscribe(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { secret: 's3cret' });
      linear.editIssue('ENG-1', { title: 'Renamed' });
      await gql('mutation createComment($input: CommentCreateInput!) { x }', {
        input: { issueId: 'ENG-1', body: 'hello' },
      });
      await linear.settled();
      expect(received.map((r) => r.headers['linear-event'])).toEqual(['Issue', 'Comment']);
      for (const delivery of received) {
        const expected = createHmac('sha256', 's3cret').update(delivery.body).digest('hex');
        expect(delivery.headers['linear-signature']).toBe(expected);
        expect(Math.abs(Date.now() - JSON.parse(delivery.body).webhookTimestamp)).toBeLessThan(60_000);
      }
      expect(JSON.parse(received[0].body)).toMatchObject({
        action: 'update',
        type: 'Issue',
        updatedFrom: { title: 'Story' },
        actor: { id: linear.human.id },
      });
    } finally {
      server.close();
    }
  });
});
