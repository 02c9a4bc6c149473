import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FakeJira,
  FakeLinear,
  jiraSignature,
  linearSignature,
  linearWebhookRequest,
} from '@sightline/testing';
import {
  jiraDeliveryId,
  linearDeliveryId,
  verifyJiraSignature,
  verifyLinearSignature,
} from './webhook-signature';

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A receiver that keeps the raw bytes, as the webhook endpoint must. */
async function receiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('Jira webhook signatures', () => {
  const secret = 'jira-secret';
  const body = Buffer.from('{"webhookEvent":"jira:issue_created","issue":{"id":"1","key":"ENG-1"}}');

  it('accepts the signature Jira sends and rejects forged, unsigned and malformed ones', () => {
    const signature = jiraSignature(body.toString(), secret);
    expect(verifyJiraSignature(body, signature, secret)).toEqual({ ok: true });
    expect(verifyJiraSignature(body, jiraSignature(body.toString(), 'other-secret'), secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const tampered = Buffer.from(body.toString().replace('ENG-1', 'ENG-2'));
    expect(verifyJiraSignature(tampered, signature, secret)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyJiraSignature(body, undefined, secret)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyJiraSignature(body, signature.replace('sha256=', 'sha1='), secret)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyJiraSignature(body, 'sha256=abc', secret)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('verifies a delivery from the fake exactly as received, and keeps the identifier across retries', async () => {
    const jira = await FakeJira.start();
    const hook = await receiver();
    try {
      const event = jira.createIssue({ key: 'ENG-1', summary: 'New story' });
      await jira.deliver(hook.url, event, { secret });
      await jira.deliver(hook.url, event, { secret, retry: 1 });
      const [first, retry] = hook.received;
      expect(verifyJiraSignature(first.raw, first.headers['x-hub-signature'] as string, secret)).toEqual({
        ok: true,
      });
      expect(jiraDeliveryId(retry.headers, retry.raw)).toBe(jiraDeliveryId(first.headers, first.raw));
      expect(retry.headers['x-atlassian-webhook-retry']).toBe('1');
      expect(first.headers['x-atlassian-webhook-retry']).toBeUndefined();
    } finally {
      hook.server.close();
      await jira.stop();
    }
  });

  it('falls back to the body hash when the identifier header is missing', () => {
    expect(jiraDeliveryId({}, body)).toMatch(/^jira-body:[0-9a-f]{64}$/);
    expect(jiraDeliveryId({ 'X-Atlassian-Webhook-Identifier': 'abc' }, body)).toBe('jira:abc');
  });
});

describe('Linear webhook signatures', () => {
  const secret = 'linear-secret';

  it('accepts a fresh signed body and rejects forged, unsigned and stale ones', () => {
    const fresh = linearWebhookRequest({ action: 'create', type: 'Issue', data: { id: 'x' } }, { secret });
    const raw = Buffer.from(fresh.body);
    expect(verifyLinearSignature(raw, fresh.headers['linear-signature'], secret)).toEqual({ ok: true });
    expect(verifyLinearSignature(raw, linearSignature(fresh.body, 'wrong'), secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyLinearSignature(raw, undefined, secret)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyLinearSignature(raw, 'not-hex', secret)).toEqual({ ok: false, reason: 'malformed' });
    const stale = linearWebhookRequest(
      { action: 'create', type: 'Issue', data: { id: 'x' } },
      { secret, timestamp: Date.now() - 61_000 },
    );
    expect(verifyLinearSignature(Buffer.from(stale.body), stale.headers['linear-signature'], secret)).toEqual(
      { ok: false, reason: 'stale' },
    );
    const unstamped = JSON.stringify({ action: 'create', type: 'Issue', data: { id: 'x' } });
    expect(verifyLinearSignature(Buffer.from(unstamped), linearSignature(unstamped, secret), secret)).toEqual(
      { ok: false, reason: 'stale' },
    );
  });

  it('verifies a delivery from the fake and derives the delivery id', async () => {
    const linear = await FakeLinear.start();
    const hook = await receiver();
    try {
      const event = linear.createIssue({ teamKey: 'ENG', title: 'New story' });
      await linear.deliver(hook.url, event, { secret });
      await linear.deliver(hook.url, event, {
        secret,
        omitDeliveryHeader: true,
        webhookId: 'hook-1',
        timestamp: 1_700_000_000_000,
      });
      const [first, second] = hook.received;
      expect(verifyLinearSignature(first.raw, first.headers['linear-signature'] as string, secret)).toEqual({
        ok: true,
      });
      expect(linearDeliveryId(first.headers, JSON.parse(first.raw.toString()))).toBe(
        `linear:${event.deliveryId}`,
      );
      expect(linearDeliveryId(second.headers, JSON.parse(second.raw.toString()))).toBe(
        'linear-webhook:hook-1:1700000000000',
      );
      expect(linearDeliveryId({}, { webhookId: 'hook-1' })).toBeNull();
    } finally {
      hook.server.close();
      await linear.stop();
    }
  });
});
