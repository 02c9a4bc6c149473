import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const reportLinkQuerySchema = z
  .object({
    connection: z.uuid('expected the connection id from the note’s “Full report” link'),
    token: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{43}$/,
        'expected the token from the note’s “Full report” link; open it from the ticket again',
      ),
  })
  .strict();
export class ReportLinkQueryDto extends createZodDto(reportLinkQuerySchema) {}
export type ReportLinkQuery = z.output<typeof reportLinkQuerySchema>;
