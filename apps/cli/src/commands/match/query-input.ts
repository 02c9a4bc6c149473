import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TicketInput } from '@sightline/matching';
import { CliError } from '../../cli-error';

/**
 * One line of `--queries`: `{"id": "...", "text": "..."}`. `text` is the ticket as one string
 * (first line the title, the rest the description). Tracker fields may be given instead or as
 * well: `title`, `description` (Markdown, or an ADF document object), `components`, `labels`,
 * `issueType`.
 */
const queryLineSchema = z
  .object({
    id: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).transform(String),
    text: z.string().optional(),
    title: z.string().optional(),
    description: z.unknown().optional(),
    components: z.array(z.string()).optional(),
    labels: z.array(z.string()).optional(),
    issueType: z.string().optional(),
  })
  .refine((q) => q.text !== undefined || q.title !== undefined, { message: 'needs "text" or "title"' });

export interface QueryLine {
  id: string;
  ticket: TicketInput;
}

/** A free-text query as a ticket: first line the title, the rest the description. */
export function ticketFromText(
  text: string,
  extra: Omit<TicketInput, 'title' | 'description'> = {},
): TicketInput {
  const newline = text.indexOf('\n');
  return newline < 0
    ? { ...extra, title: text }
    : { ...extra, title: text.slice(0, newline), description: text.slice(newline + 1) };
}

// A file with thousands of lines may hold many bad ones: name enough to fix them in one pass.
const MAX_LISTED_ERRORS = 20;

/** Every line is checked before any is matched: one bad line fails the batch, naming all of them. */
export function parseQueryLines(content: string, source: string): QueryLine[] {
  const out: QueryLine[] = [];
  const errors: string[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`${where}: not valid JSON`);
      return;
    }
    const parsed = queryLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push(`${where}: ${issue.path.join('.') || 'line'} ${issue.message}`);
      return;
    }
    const q = parsed.data;
    const extra = { key: q.id, components: q.components, labels: q.labels, issueType: q.issueType };
    const ticket: TicketInput =
      q.title !== undefined
        ? { ...extra, title: q.title, description: q.description ?? (q.text ? q.text : undefined) }
        : ticketFromText(q.text ?? '', extra);
    out.push({ id: q.id, ticket });
  });
  if (errors.length === 1) throw new CliError(errors[0]);
  if (errors.length > 1) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    const more = errors.length - listed.length;
    throw new CliError(
      [
        `${errors.length} lines of ${source} are not queries, nothing was matched:`,
        ...listed,
        ...(more > 0 ? [`… and ${more} more`] : []),
      ].join('\n'),
    );
  }
  return out;
}

export function readQueryFile(file: string, stdin: () => string): QueryLine[] {
  if (file === '-') return parseQueryLines(stdin(), 'stdin');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `--queries ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  return parseQueryLines(content, file);
}
