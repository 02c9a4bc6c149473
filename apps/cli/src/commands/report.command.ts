import type { Command } from 'commander';
import { TicketReportRepository } from '@sightline/persistence';
import { buildDigest, renderDigestHtmlPage, renderDigestMarkdown } from '@sightline/trackers';
import { withDatabase } from '../database';
import { resolveMapping } from './report/resolve-mapping';
import { printable } from './printable';

/**
 * `sightline report <mapping>`: the grooming digest the enrichment API serves at
 * /api/project-mappings/:id/digest, printed for pasting into a meeting page.
 */
export function registerReportCommand(program: Command): void {
  program
    .command('report <mapping>')
    .description(
      "print a project mapping's grooming digest (high-risk tickets, newly flagged first, with reasons " +
        'and shared areas) as Markdown, or as an HTML page with --html (needs DATABASE_URL)',
    )
    .option('--html', 'print a standalone HTML page instead of Markdown')
    .addHelpText('after', '\n<mapping> is a project mapping id, or its Jira project / Linear team key.')
    .action(async (argument: string, options: { html?: boolean }) => {
      const { mapping, digest } = await withDatabase(async (dataSource) => {
        const found = await resolveMapping(dataSource, argument);
        const sources = await new TicketReportRepository(dataSource).flaggedForMapping(found.id);
        return { mapping: found, digest: buildDigest(sources) };
      });
      const heading = { projectKey: mapping.projectKey, date: new Date() };
      const render = options.html ? renderDigestHtmlPage : renderDigestMarkdown;
      process.stdout.write(printable(render(digest, heading)));
    });
}
