import { withoutReferences } from './commit-references';

/**
 * A past ticket known from its commits reads best under its first commit's subject, the one
 * closest to the title it was filed under; but a first commit that only did housekeeping ("add
 * changelog for GH-2986", "Fix tests", "Address review comments") says nothing of the work, and a
 * note showing it as the ticket's title misleads. Such subjects are passed over; when every
 * subject is housekeeping the ticket has no title to show.
 */

// Words that describe the bookkeeping around a change, never the change itself.
const HOUSEKEEPING = new Set(
  (
    'add added adds update updated updates fix fixed fixes fixing changelog changes change news ' +
    'release notes note entry whatsnew readme test tests testing doc docs documentation typo typos ' +
    'spelling lint linting format formatting formatted style review comments comment feedback ' +
    'address addressed cleanup clean up wip minor more missing bump version md rst txt'
  ).split(' '),
);
const FILLER = new Set('a an the for to of in on and with from per'.split(' '));
const MERGE = /^Merge (?:branch|pull request|remote-tracking branch)\b/;

export function isHousekeeping(subject: string): boolean {
  if (MERGE.test(subject)) return true;
  const words = (
    withoutReferences(subject)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).filter((w) => !FILLER.has(w));
  return words.length > 0 && words.every((w) => HOUSEKEEPING.has(w));
}

/** The distinct subjects without references, in the order given (a subject repeated on a cherry-pick counts once). */
export function distinctSubjects(subjects: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const subject of subjects) {
    const title = withoutReferences(subject);
    const key = title.toLowerCase();
    if (title === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(title);
  }
  return out;
}

/** `subjects` newest first, as a snapshot lists a ticket's; '' when none says what the work was. */
export function ticketTitle(subjects: readonly string[]): string {
  const titles = distinctSubjects(subjects).reverse();
  return titles.find((title) => !isHousekeeping(title)) ?? '';
}
