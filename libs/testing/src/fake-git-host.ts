import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGitHostOptions {
  /** Directory holding bare repositories, served as `/<name>.git`. */
  root: string;
  /** When set, every request needs HTTP Basic with this password (any user name). */
  token?: string;
}

/**
 * A remote git host speaking git's real smart-HTTP protocol, by running `git http-backend` (the
 * CGI git ships) for each request. Optionally demands a token, as hosted services do.
 */
export class FakeGitHost {
  private server?: Server;
  readonly requests: { method: string; path: string; authorized: boolean }[] = [];

  constructor(private readonly options: FakeGitHostOptions) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server?.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://fake');
    const authorized = this.isAuthorized(request.headers.authorization);
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname, authorized });
    if (!authorized) {
      response
        .writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake git host"' })
        .end('authentication required');
      return;
    }
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: this.options.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: String(request.headers['content-encoding'] ?? ''),
        GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    request.pipe(backend.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    backend.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) return void response.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      headersSent = true;
      response.write(head.subarray(end + 4));
    });
    backend.on('close', () => {
      if (!headersSent) response.writeHead(500);
      response.end();
    });
  }

  private isAuthorized(header: string | undefined): boolean {
    if (!this.options.token) return true;
    const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (!match) return false;
    const credentials = Buffer.from(match[1], 'base64').toString('utf8');
    return credentials.slice(credentials.indexOf(':') + 1) === this.options.token;
  }
}
