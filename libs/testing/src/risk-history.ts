import { FixtureRepo, type FixtureAuthor } from './fixture-repo';

const DAY = 86_400;
const T0 = 1_700_000_000;

export const RISK_HISTORY_AUTHORS: Record<'ada' | 'grace' | 'linus' | 'margaret', FixtureAuthor> = {
  ada: { name: 'Ada Lovelace', email: 'ada@example.com' },
  grace: { name: 'Grace Hopper', email: 'grace@example.com' },
  linus: { name: 'Linus Torvalds', email: 'linus@example.com' },
  margaret: { name: 'Margaret Hamilton', email: 'margaret@example.com' },
};
const AUTHORS = RISK_HISTORY_AUTHORS;
const ROTATION = [AUTHORS.ada, AUTHORS.grace, AUTHORS.linus, AUTHORS.margaret];

function invoiceSource(version: number): string {
  const fns: string[] = [];
  for (let i = 0; i < 12; i++) {
    fns.push(
      `export function invoiceTotal${i}(lines: number[], rate: number, discount?: number): number {`,
      `  let total = 0;`,
      `  for (const line of lines) {`,
      `    if (line > ${i} && rate > 0) total += line * rate;`,
      `    else if (line < 0 || discount === undefined) total -= line;`,
      `    else total += discount ?? 0;`,
      `  }`,
      `  return total > ${version} ? total : -total;`,
      `}`,
    );
  }
  return fns.join('\n') + '\n';
}

function coreSource(name: string, version: number): string {
  return `export function ${name}(value: number): number {\n  return value > ${version} ? value : ${version};\n}\n`;
}

function postingSource(version: number): string {
  return `export function postEntry(amount: number): number {\n  return amount + ${version};\n}\n`;
}

const PACKAGE = (name: string) => JSON.stringify({ name, version: '1.0.0' }) + '\n';

function labelSource(version: number): string {
  const fns: string[] = [];
  for (let i = 0; i < 10 + 2 * version; i++) {
    fns.push(
      `export function labelText${i}(text: string, width: number): string {`,
      `  if (width <= ${i}) return text.trim();`,
      `  else if (text.length > width) return text.slice(0, width - ${version % 3}).trimEnd();`,
      `  return text.padEnd(width);`,
      `}`,
    );
  }
  return fns.join('\n') + '\n';
}

/**
 * `hot`: after the base history, `packages/ui/src/label.ts` is rewritten and grows to the largest
 * file in sixteen changes (four tickets) by all four people over a month, every other one a fix, so the UI label code becomes
 * the repository's hotspot. `calm`: then the label code is simplified back to one small helper and
 * fourteen months follow in which only the core utilities change, so it is small and quiet again.
 */
export type RiskHistoryPhase = 'base' | 'hot' | 'calm';

function labelBurst(repo: FixtureRepo, start: number): number {
  let time = start;
  for (let ticket = 1; ticket <= 4; ticket++) {
    for (let step = 1; step <= 4; step++) {
      const version = (ticket - 1) * 4 + step;
      time += 2 * DAY;
      repo.commit({
        message:
          step % 2 === 0
            ? `UI-${10 + ticket} fix: label text overflows`
            : `UI-${10 + ticket} Label text wrapping`,
        time,
        author: ROTATION[version % ROTATION.length],
        files: { 'packages/ui/src/label.ts': labelSource(version) },
      });
    }
  }
  return time;
}

function quietLabel(repo: FixtureRepo, start: number): void {
  let time = start + DAY;
  repo.commit({
    message: 'UI-40 Simplify label text to one helper',
    time,
    author: AUTHORS.margaret,
    files: {
      'packages/ui/src/label.ts': 'export const labelText = (text: string): string => text.trim();\n',
    },
  });
  for (let round = 0; round < 5; round++) {
    for (let i = 1; i <= 12; i++) {
      time += 7 * DAY;
      repo.commit({
        message: `CORE-${100 + round * 12 + i} Tune util${i} bounds`,
        time,
        author: ROTATION[(round + i) % ROTATION.length],
        files: { [`packages/core/src/util${i}.ts`]: coreSource(`util${i}`, 100 + round * 12 + i) },
      });
    }
  }
}

/**
 * A generated history whose risk answer is known: `packages/billing/src/invoice.ts` is large,
 * branchy, changed by four people and keeps receiving fixes, and its feature changes also touch
 * `packages/ledger/`; `packages/ui/src/label.ts` is small and quiet, written by one person in one
 * two-commit ticket. Twelve `packages/core/` files, each changed in four small tickets, give the
 * repository a distribution of ordinary tickets.
 */
export function buildRiskHistory(phase: RiskHistoryPhase = 'base'): FixtureRepo {
  const repo = FixtureRepo.create('sightline-risk-');
  let time = T0;
  const core: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) core[`packages/core/src/util${i}.ts`] = coreSource(`util${i}`, 0);
  repo.commit({
    message: 'Initial layout',
    time,
    author: AUTHORS.ada,
    files: {
      'packages/billing/package.json': PACKAGE('billing'),
      'packages/ledger/package.json': PACKAGE('ledger'),
      'packages/ui/package.json': PACKAGE('ui'),
      'packages/core/package.json': PACKAGE('core'),
      'packages/billing/src/invoice.ts': invoiceSource(0),
      'packages/ledger/src/posting.ts': postingSource(0),
      ...core,
    },
  });
  repo.commit({
    message: 'UI-1 Add label component',
    time: (time += DAY),
    author: AUTHORS.margaret,
    files: { 'packages/ui/src/label.ts': 'export const labelText = (text: string): string => text;\n' },
  });
  repo.commit({
    message: 'UI-1 Trim label text',
    time: (time += 3 * DAY),
    author: AUTHORS.margaret,
    files: {
      'packages/ui/src/label.ts': 'export const labelText = (text: string): string => text.trim();\n',
    },
  });
  // Invoices: 20 changes by four people; every other one a fix (invoice only), the others with the ledger.
  for (let i = 1; i <= 20; i++) {
    time += 5 * DAY;
    const fix = i % 2 === 0;
    const files: Record<string, string> = { 'packages/billing/src/invoice.ts': invoiceSource(i) };
    if (!fix) files['packages/ledger/src/posting.ts'] = postingSource(i);
    repo.commit({
      message: fix
        ? `SHOP-${100 + i} fix: invoice total rounding when discounts apply`
        : `SHOP-${100 + i} Invoice totals per tax rate`,
      time,
      author: ROTATION[i % ROTATION.length],
      files,
    });
  }
  // Core utilities: four tickets each, never a fix.
  for (let round = 0; round < 4; round++) {
    for (let i = 1; i <= 12; i++) {
      time += DAY;
      repo.commit({
        message: `CORE-${round * 12 + i} Tune util${i} limits`,
        time,
        author: round % 2 ? AUTHORS.grace : AUTHORS.linus,
        files: { [`packages/core/src/util${i}.ts`]: coreSource(`util${i}`, round * 12 + i) },
      });
    }
  }
  if (phase === 'base') return repo;
  time = labelBurst(repo, time);
  if (phase === 'calm') quietLabel(repo, time);
  return repo;
}
