/** The authors credited with one commit: its author and co-authors, each with an equal share. */
export interface AuthorCredit {
  authors: number[];
  weight: number;
}

export interface Ownership {
  /** Author index with most added lines (code-maat `main-dev`), or -1 when no lines were added. */
  mainAuthor: number;
  ownership: number;
  /** Author index with most revisions (code-maat `main-dev-by-revs`), or -1 without revisions. */
  mainAuthorByRevisions: number;
  ownershipByRevisions: number;
  /** 1 − Σ share², over revision shares. */
  fragmentation: number;
  authors: number;
}

/**
 * Per item (file or area): revisions and added lines per author. A commit with co-authors splits
 * its one revision and its lines evenly, so shares still add up to the item's totals.
 */
export class CreditLedger {
  private readonly ledgers: (Map<number, [number, number]> | undefined)[];

  constructor(count: number) {
    this.ledgers = new Array(count).fill(undefined);
  }

  add(item: number, credit: AuthorCredit, added: number): void {
    let ledger = this.ledgers[item];
    if (!ledger) {
      ledger = new Map();
      this.ledgers[item] = ledger;
    }
    for (const author of credit.authors) {
      const entry = ledger.get(author);
      if (entry) {
        entry[0] += credit.weight;
        entry[1] += added * credit.weight;
      } else {
        ledger.set(author, [credit.weight, added * credit.weight]);
      }
    }
  }

  /** Authors credited on the item, for callers that need more than the summary. */
  entries(item: number): ReadonlyMap<number, readonly [number, number]> {
    return this.ledgers[item] ?? new Map();
  }

  ownership(item: number): Ownership {
    const ledger = this.ledgers[item];
    const none: Ownership = {
      mainAuthor: -1,
      ownership: 0,
      mainAuthorByRevisions: -1,
      ownershipByRevisions: 0,
      fragmentation: 0,
      authors: 0,
    };
    if (!ledger || ledger.size === 0) return none;
    let revisions = 0;
    let added = 0;
    let byLines = -1;
    let byRevs = -1;
    let best: [number, number] = [0, 0];
    let bestRevs: [number, number] = [0, 0];
    // Ties go to more revisions (or more lines), then to the author seen first in history order.
    for (const [author, entry] of ledger) {
      revisions += entry[0];
      added += entry[1];
      if (
        byLines === -1 ||
        entry[1] > best[1] ||
        (entry[1] === best[1] && (entry[0] > best[0] || (entry[0] === best[0] && author < byLines)))
      ) {
        byLines = author;
        best = entry;
      }
      if (
        byRevs === -1 ||
        entry[0] > bestRevs[0] ||
        (entry[0] === bestRevs[0] &&
          (entry[1] > bestRevs[1] || (entry[1] === bestRevs[1] && author < byRevs)))
      ) {
        byRevs = author;
        bestRevs = entry;
      }
    }
    let concentration = 0;
    for (const entry of ledger.values()) concentration += (entry[0] / revisions) ** 2;
    return {
      mainAuthor: added > 0 ? byLines : -1,
      ownership: added > 0 ? best[1] / added : 0,
      mainAuthorByRevisions: byRevs,
      ownershipByRevisions: bestRevs[0] / revisions,
      fragmentation: Math.max(0, 1 - concentration),
      authors: ledger.size,
    };
  }
}
