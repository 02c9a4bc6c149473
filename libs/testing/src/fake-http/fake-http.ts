import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake saw it, kept for assertions ("exactly one POST …/comment"). */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Query values in order; a repeated key gives several entries. */
  query: Record<string, string[]>;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** GraphQL operation name (Linear fake only). */
  operation?: string;
  /** Status the fake answered with. */
  status: number;
}

export interface FakeResponse {
  status: number;
  /** Objects are sent as JSON; strings as-is (HTML error pages). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ParsedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  rawBody: string;
  body: unknown;
}

export function parseQuery(search: URLSearchParams): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of search) (query[key] ??= []).push(value);
  return query;
}

/** A list parameter sent either as repeated keys (`fields=a&fields=b`) or a comma list (`fields=a,b`). */
export function listParam(query: Record<string, string[]>, name: string): string[] | undefined {
  const values = query[name];
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

async function readRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  let body: unknown = undefined;
  if (rawBody !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
    }
  }
  const url = new URL(req.url ?? '/', 'http://fake.local');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: parseQuery(url.searchParams),
    headers,
    rawBody,
    body,
  };
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (typeof response.body === 'string') {
    payload = response.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json;charset=UTF-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Handler result: a response, or 'drop' to cut the connection (a network fault). */
export type FakeHandler = (request: ParsedRequest) => Promise<FakeResponse | 'drop'> | FakeResponse | 'drop';

/** A node:http server on 127.0.0.1, port chosen by the OS. */
export class FakeHttpServer {
  private server: Server | null = null;
  private baseUrl = '';

  constructor(private readonly handler: FakeHandler) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      readRequest(req)
        .then((request) => this.handler(request))
        .then((response) => (response === 'drop' ? req.socket.destroy() : send(res, response)))
        .catch((error: unknown) => send(res, { status: 500, body: { errorMessages: [String(error)] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  get url(): string {
    if (!this.server) throw new Error('fake server not started');
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
