/** Scores, shares and confidences as results carry them: four decimals, enough to rank and compare. */
export function roundScore(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
