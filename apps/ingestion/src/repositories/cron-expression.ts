/**
 * Five-field cron syntax (minute hour day-of-month month day-of-week), as the scheduler's
 * repeatable jobs read it. Deliberately a subset of what the scheduler accepts: no seconds field,
 * no `L`/`W`/`#`/`?` extensions, so an expression that passes here means the same everywhere.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 0 and 7 are both Sunday.
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];
/** February counts 29 days: an expression that fires only in leap years is still valid. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ITEM = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/([0-9]+))?$/;
const SYNTAX_HINT = 'use numbers, * , ranges a-b, lists a,b and steps */n or a-b/n';

function valueOf(text: string, field: Field): number | string {
  const byName = field.names?.findIndex((name) => name === text.toUpperCase()) ?? -1;
  if (byName >= 0) return field.min === 1 ? byName + 1 : byName;
  if (!/^[0-9]+$/.test(text)) {
    return field.names
      ? `"${text}" is not a number or a name such as ${field.names[1]}`
      : `"${text}" is not a number`;
  }
  const value = Number(text);
  if (value < field.min || value > field.max) return `${value} is outside ${field.min}–${field.max}`;
  return value;
}

/** The values a field selects, or a problem. */
function expand(text: string, field: Field): Set<number> | string {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = ITEM.exec(item);
    if (!match) return `"${item}" is not valid; ${SYNTAX_HINT}`;
    const [, base, stepText] = match;
    let from = field.min;
    let to = field.max;
    if (base !== '*') {
      const [startText, endText] = base.split('-');
      const start = valueOf(startText, field);
      if (typeof start === 'string') return start;
      from = start;
      // `a/n` means "from a to the end of the range, every n", as in the scheduler.
      to = stepText === undefined ? start : field.max;
      if (endText !== undefined) {
        const end = valueOf(endText, field);
        if (typeof end === 'string') return end;
        if (end < start) return `range ${base} runs backwards; write the smaller value first`;
        to = end;
      }
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return 'a step must be at least 1';
    if (step > field.max - field.min + 1) {
      return `step /${step} is larger than the whole ${field.name} range (${field.min}–${field.max})`;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** Returns what is wrong with the expression and how to fix it, or null when it is valid. */
export function checkCronExpression(expression: string): string | null {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== FIELDS.length) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *" for 03:00 daily; got ${parts.length}`;
  }
  const selected: Set<number>[] = [];
  for (const [index, field] of FIELDS.entries()) {
    const values = expand(parts[index], field);
    if (typeof values === 'string') return `${field.name} field: ${values}`;
    selected.push(values);
  }
  const [, , days, months] = selected;
  if (parts[2] !== '*') {
    const longestMonth = Math.max(...[...months].map((month) => DAYS_IN_MONTH[month - 1]));
    const firstDay = Math.min(...days);
    if (firstDay > longestMonth) return `day of month ${firstDay} never occurs in the selected month(s)`;
  }
  return null;
}
