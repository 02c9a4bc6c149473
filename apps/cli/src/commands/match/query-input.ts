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

export function parseQueryLines(content: string, source: string): QueryLine[] {
  const out: QueryLine[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new CliError(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = queryLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${source}:${i + 1}: ${issue.path.join('.') || 'line'} ${issue.message}`);
    }
    const q = parsed.data;
    const extra = { key: q.id, components: q.components, labels: q.labels, issueType: q.issueType };
    const ticket: TicketInput =
      q.title !== undefined
        ? { ...extra, title: q.title, description: q.description ?? (q.text ? q.text : undefined) }
        : ticketFromText(q.text ?? '', extra);
    out.push({ id: q.id, ticket });
  });
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
