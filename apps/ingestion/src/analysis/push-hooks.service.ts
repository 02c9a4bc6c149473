import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  BadRequestException,
  HttpException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
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

// Bitbucket Cloud's repo:push names no clone URL: the repository's page is its identity.
const bitbucketPush = z.object({
  repository: z.object({
    links: z.object({ html: z.object({ href: z.string() }).optional() }).optional(),
  }),
  push: z.object({
    changes: z.array(z.object({ new: z.object({ type: z.string(), name: z.string() }).nullish() })),
  }),
});

// Bitbucket Data Center's repo:refs_changed lists the clone URLs (http and ssh) and each ref pushed.
const bitbucketServerPush = z.object({
  repository: z.object({
    links: z.object({ clone: z.array(z.object({ href: z.string() })).optional() }).optional(),
  }),
  changes: z.array(z.object({ ref: z.object({ id: z.string(), type: z.string() }), type: z.string() })),
});

export interface PushOutcome {
  event: string;
  triggered: { repositoryId: string; runId: string }[];
}

/** GitHub, GitLab and Bitbucket (Cloud and Data Center) push hooks: verify, find the registered repositories pushed to, refresh them. */
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
    this.verifySha256(signature, rawBody, 'X-Hub-Signature-256');
    if (event !== 'push') return { event: event ?? 'unknown', triggered: [] };
    const body = parseBody(githubPush, rawBody);
    const { clone_url, ssh_url, git_url, html_url, default_branch } = body.repository;
    return {
      event,
      triggered: await this.refresh([clone_url, ssh_url, git_url, html_url], [body.ref], default_branch),
    };
  }

  /**
   * Bitbucket Cloud (`repo:push`) and Data Center (`repo:refs_changed`), both signed like GitHub
   * but in `X-Hub-Signature`. Tags and deleted branches change no branch an analysis reads.
   */
  async bitbucket(
    event: string | undefined,
    signature: string | undefined,
    rawBody: Buffer | undefined,
  ): Promise<PushOutcome> {
    this.verifySha256(signature, rawBody, 'X-Hub-Signature');
    let urls: (string | undefined)[];
    let refs: string[];
    if (event === 'repo:push') {
      const body = parseBody(bitbucketPush, rawBody);
      urls = [body.repository.links?.html?.href];
      refs = body.push.changes.flatMap((change) =>
        change.new?.type === 'branch' ? [`refs/heads/${change.new.name}`] : [],
      );
    } else if (event === 'repo:refs_changed') {
      const body = parseBody(bitbucketServerPush, rawBody);
      urls = (body.repository.links?.clone ?? []).map((link) => link.href);
      refs = body.changes.flatMap((change) =>
        change.ref.type === 'BRANCH' && change.type !== 'DELETE' ? [change.ref.id] : [],
      );
    } else {
      return { event: event ?? 'unknown', triggered: [] };
    }
    if (refs.length === 0) return { event, triggered: [] };
    return { event, triggered: await this.refresh(urls, refs, undefined) };
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
      triggered: await this.refresh([git_http_url, git_ssh_url, web_url], [body.ref], default_branch),
    };
  }

  private verifySha256(signature: string | undefined, rawBody: Buffer | undefined, header: string): void {
    const secret = this.secret();
    // Only JSON bodies are kept as sent; GitHub's default content type for a new hook is a form.
    if (!rawBody)
      throw new HttpException(
        "expected a JSON body: set the webhook's content type to application/json",
        415,
      );
    const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
    if (!signature || !equalBytes(signature, expected))
      throw new UnauthorizedException(`${header} does not match the body`);
  }

  private secret(): string {
    if (!this.config.GIT_WEBHOOK_SECRET)
      throw new NotFoundException('push hooks are off; set GIT_WEBHOOK_SECRET to turn them on');
    return this.config.GIT_WEBHOOK_SECRET;
  }

  /** Refreshes each registered repository whose URL is one of the pushed ones and whose branch was pushed. */
  private async refresh(urls: (string | undefined)[], refs: string[], remoteDefault: string | undefined) {
    const identities = new Set(urls.flatMap((url) => (url ? [repositoryIdentity(url)] : [])).filter(Boolean));
    const triggered: PushOutcome['triggered'] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await this.registry.list({ limit: 200, offset });
      for (const repository of page.items) {
        if (!identities.has(repositoryIdentity(repository.cloneUrl))) continue;
        // Bitbucket names no default branch: the one the last analysis found stands in.
        const branch = repository.defaultBranch ?? remoteDefault ?? repository.remoteDefaultBranch;
        if (branch && !refs.includes(`refs/heads/${branch}`)) continue;
        const run = await this.triggers.trigger(repository.id, 'push');
        triggered.push({ repositoryId: repository.id, runId: run.id });
      }
      if (page.items.length < 200) return triggered;
    }
  }
}

function parseBody<T>(schema: z.ZodType<T>, rawBody: Buffer | undefined): T {
  // The JSON body parser already refused what is not JSON (400).
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
