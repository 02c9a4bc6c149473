import { randomBytes } from 'node:crypto';
import {
  createDataSource,
  EnrichmentRunRepository,
  ProjectMappingRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  type NewTicketReport,
} from '@sightline/persistence';
import { testConfig } from '@sightline/testing';
import { sightline } from './run-cli.fixture-spec';

/** Project keys of this file only: other files of the same run share the database. */
const suffix = randomBytes(3).toString('hex').toUpperCase().replace(/\d/g, 'X');
const KEY = `RPT${suffix}`;
const SHARED_KEY = `TWIN${suffix}`;
const QUIET_KEY = `CALM${suffix}`;

describe('sightline report (medium)', () => {
  const { DATABASE_URL } = testConfig();
  const dataSource = createDataSource(DATABASE_URL, 'sightline-report-medium');
  let mappingId: string;
  let quietMappingId: string;
  let twinIds: string[];

  async function connection(name: string) {
    return new TrackerConnectionRepository(dataSource).create({
      name: `${name}-${suffix}`,
      kind: 'jira',
      baseUrl: 'https://acme.atlassian.net',
      authKind: 'bearer',
      credentialEnvelope: 'v1:test:sealed',
      webhookSecretEnvelope: null,
    });
  }

  async function mapping(connectionId: string, projectKey: string) {
    return new ProjectMappingRepository(dataSource).create({
      connectionId,
      projectKey,
      repositoryIds: [],
      pathRules: [],
      riskThresholds: {},
      writebackMode: 'dry-run',
      grooming: {},
    });
  }

  function report(
    connectionId: string,
    ticketKey: string,
    level: NewTicketReport['riskLevel'],
    title: string,
    score: number,
    reasons: string[],
    areas: string[],
  ): NewTicketReport {
    return {
      connectionId,
      tracker: 'jira',
      ticketKey,
      ticketId: ticketKey,
      projectKey: KEY,
      mappingId,
      ticket: { title, url: `https://acme.atlassian.net/browse/${ticketKey}` },
      ticketUpdatedAt: new Date('2026-11-01T00:00:00Z'),
      snapshots: [],
      matches: [{ repositoryName: 'shop', areas: areas.map((path) => ({ path })) }],
      risk: { level, repositories: [{ score, reasons: reasons.map((text) => ({ text })) }] },
      noteReport: {},
      noteMarkdown: `note of ${ticketKey}`,
      noteAdf: { type: 'doc', version: 1, content: [] },
      contentHash: `now-${ticketKey}`,
      inputHash: null,
      riskLevel: level,
      confidence: 0.8,
      lowConfidence: false,
    };
  }

  beforeAll(async () => {
    await dataSource.initialize();
    const jira = await connection('report-jira');
    mappingId = (await mapping(jira.id, KEY)).id;
    quietMappingId = (await mapping(jira.id, QUIET_KEY)).id;
    const other = await connection('report-other-jira');
    twinIds = [(await mapping(jira.id, SHARED_KEY)).id, (await mapping(other.id, SHARED_KEY)).id];

    const reports = new TicketReportRepository(dataSource);
    await reports.upsertIfNewer(
      report(jira.id, `${KEY}-1`, 'high', 'Refund rounding', 0.7, ['12 changes in 30 days'], ['src/billing']),
    );
    await reports.upsertIfNewer(
      report(
        jira.id,
        `${KEY}-2`,
        'high',
        '<script>alert(1)</script> Tax & fees',
        0.9,
        ['only one author & no tests'],
        ['src/billing', 'src/tax'],
      ),
    );
    await reports.upsertIfNewer(
      report(jira.id, `${KEY}-3`, 'medium', 'Label text', 0.4, ['quiet'], ['src/ui']),
    );
    // KEY-1 was already high in the previous version of its note: flagged before, listed second.
    const runs = new EnrichmentRunRepository(dataSource);
    const earlier = await runs.create({
      connectionId: jira.id,
      tracker: 'jira',
      ticketKey: `${KEY}-1`,
      trigger: 'sweep',
    });
    await runs.markRunning(earlier.id);
    await runs.markWriting(earlier.id, { riskLevel: 'high', contentHash: 'an-older-note' });
    await runs.finish(earlier.id, 'written', 'comment created');
  });

  afterAll(() => dataSource.destroy());

  it('prints the digest as Markdown by project key: newly flagged first, shared areas, no medium ticket', async () => {
    const printed = await sightline(['report', KEY], { DATABASE_URL });
    expect(printed).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    expect(printed.stdout).toMatch(new RegExp(`^## Grooming digest: ${KEY}, \\d{4}-\\d{2}-\\d{2}\\n`));
    expect(printed.stdout).toContain('2 high-risk tickets, 1 newly flagged.');
    const newly = printed.stdout.indexOf('### Newly flagged');
    const before = printed.stdout.indexOf('### Flagged before');
    expect(newly).toBeGreaterThan(0);
    expect(printed.stdout.indexOf(`${KEY}-2]`)).toBeGreaterThan(newly);
    expect(printed.stdout.indexOf(`${KEY}-2]`)).toBeLessThan(before);
    expect(printed.stdout.indexOf(`${KEY}-1]`)).toBeGreaterThan(before);
    expect(printed.stdout).toContain(
      `- **[${KEY}-1](https://acme.atlassian.net/browse/${KEY}-1)** Refund rounding (high risk, score 0.70)\n` +
        '  - 12 changes in 30 days\n  - Areas: `src/billing`\n',
    );
    expect(printed.stdout).toContain(`- \`src/billing\`: ${KEY}-2, ${KEY}-1`);
    expect(printed.stdout).not.toContain(`${KEY}-3`);
  });

  it('prints an HTML page by mapping id with tracker text escaped', async () => {
    const printed = await sightline(['report', mappingId, '--html'], { DATABASE_URL });
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(printed.stdout).not.toContain('<script>');
    expect(printed.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Tax &amp; fees');
    expect(printed.stdout).toContain('<li>only one author &amp; no tests</li>');
    expect(printed.stdout).toContain(`<a href="https://acme.atlassian.net/browse/${KEY}-2">${KEY}-2</a>`);
  });

  it('says so when nothing is flagged', async () => {
    const printed = await sightline(['report', quietMappingId], { DATABASE_URL });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`No ticket of ${QUIET_KEY} is flagged high risk.`);
  });

  it('exits 2 naming the candidates for an ambiguous key, the known keys for an unknown one', async () => {
    const ambiguous = await sightline(['report', SHARED_KEY], { DATABASE_URL });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`2 project mappings use the key ${SHARED_KEY}; name one by its id`);
    for (const id of twinIds) expect(ambiguous.stderr).toContain(id);
    expect(ambiguous.stderr).toContain(`jira connection "report-other-jira-${suffix}"`);

    const unknown = await sightline(['report', `NOPE${suffix}`], { DATABASE_URL });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no project mapping with the key NOPE${suffix}`);
    expect(unknown.stderr).toContain('known project keys:');

    const unknownId = await sightline(['report', '00000000-0000-4000-8000-000000000000'], { DATABASE_URL });
    expect(unknownId.code).toBe(2);
    expect(unknownId.stderr).toContain('no project mapping with id 00000000-0000-4000-8000-000000000000');
  });

  it('explains a missing DATABASE_URL (exit 2) and an unreachable database (exit 1)', async () => {
    const missing = await sightline(['report', KEY], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DATABASE_URL: is required');
    const unreachable = await sightline(['report', KEY], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the database');
  });
});
