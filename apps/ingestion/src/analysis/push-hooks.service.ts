import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { z } from 'zod';
import { InjectConfig, type Config } from '@sightline/config';
import { RepositoryRegistryRepository } from '@sightline/persistence';
import { AnalysisTriggerService } from './analysis-trigger.service';
import { repositoryIdentity } from './repository-identity';

const githubPush = z.object({
  ref: z.string(),
  repository: z.object({
    clone_url: z.string().optional(),
    ssh_url: z.string().optional(),
    git_url: z.string().optional(),
    html_url: z.string().optional(),
    default_branch: z.string().optional(),
  }),
});

const gitlabPush = z.object({
  ref: z.string(),
  project: z.object({
    git_http_url: z.string().optional(),
    git_ssh_url: z.string().optional(),
    web_url: z.string().optional(),
    default_branch: z.string().optional(),
  }),
});

export interface PushOutcome {
  event: string;
  triggered: { repositoryId: string; runId: string }[];
}

/** GitHub and GitLab push hooks: verify, find the registered repositories pushed to, refresh them. */
@Injectable()
export class PushHooksService {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly registry: RepositoryRegistryRepository,
    private readonly triggers: AnalysisTriggerService,
  ) {}

  async github(
    event: string | undefined,
    signature: string | undefined,
    rawBody: Buffer | undefined,
  ): Promise<PushOutcome> {
    const secret = this.secret();
    const expected = `sha256=${createHmac('sha256', secret)
      .update(rawBody ?? Buffer.alloc(0))
      .digest('hex')}`;
    if (!signature || !equalBytes(signature, expected))
      throw new UnauthorizedException('X-Hub-Signature-256 does not match the body');
    if (event !== 'push') return { event: event ?? 'unknown', triggered: [] };
    const body = parseBody(githubPush, rawBody);
    const { clone_url, ssh_url, git_url, html_url, default_branch } = body.repository;
    return {
      event,
      triggered: await this.refresh([clone_url, ssh_url, git_url, html_url], body.ref, default_branch),
    };
  }

  async gitlab(
    event: string | undefined,
    token: string | undefined,
    rawBody: Buffer | undefined,
  ): Promise<PushOutcome> {
    if (!token || !equalBytes(token, this.secret()))
      throw new UnauthorizedException('X-Gitlab-Token does not match');
    if (event !== 'Push Hook') return { event: event ?? 'unknown', triggered: [] };
    const body = parseBody(gitlabPush, rawBody);
    const { git_http_url, git_ssh_url, web_url, default_branch } = body.project;
    return {
      event,
      triggered: await this.refresh([git_http_url, git_ssh_url, web_url], body.ref, default_branch),
    };
  }

  private secret(): string {
    if (!this.config.GIT_WEBHOOK_SECRET)
      throw new NotFoundException('push hooks are off; set GIT_WEBHOOK_SECRET to turn them on');
    return this.config.GIT_WEBHOOK_SECRET;
  }

  /** Refreshes each registered repository whose URL is one of the pushed ones and whose branch was pushed. */
  private async refresh(urls: (string | undefined)[], ref: string, remoteDefault: string | undefined) {
    const identities = new Set(urls.flatMap((url) => (url ? [repositoryIdentity(url)] : [])).filter(Boolean));
    const triggered: PushOutcome['triggered'] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await this.registry.list({ limit: 200, offset });
      for (const repository of page.items) {
        if (!identities.has(repositoryIdentity(repository.cloneUrl))) continue;
        const branch = repository.defaultBranch ?? remoteDefault;
        if (branch && ref !== `refs/heads/${branch}`) continue;
        const run = await this.triggers.trigger(repository.id, 'push');
        triggered.push({ repositoryId: repository.id, runId: run.id });
      }
      if (page.items.length < 200) return triggered;
    }
  }
}

function parseBody<T>(schema: z.ZodType<T>, rawBody: Buffer | undefined): T {
  const result = schema.safeParse(JSON.parse(rawBody?.toString('utf8') || '{}'));
  if (result.success) return result.data;
  throw new BadRequestException(
    `not a push event body: ${result.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
  );
}

function equalBytes(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
