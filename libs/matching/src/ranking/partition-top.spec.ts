import { partitionTop } from './candidates';

describe('partitionTop', () => {
  const score = Float64Array.from([5, 1, 3, 3, 3, 9, 0, 3]);
  const topOf = (docs: number[], k: number) => {
    const kept = partitionTop(docs, docs.length, score, k);
    return docs.slice(0, kept).sort((a, b) => a - b);
  };

  it('moves the k best to the front', () => {
    expect(topOf([0, 1, 2, 3, 4, 5, 6, 7], 2)).toEqual([0, 5]);
    expect(topOf([6, 5], 5)).toEqual([5, 6]);
  });

  it('breaks ties by the lower doc, whatever order the docs came in', () => {
    // Docs 2, 3, 4 and 7 tie at 3: the cut after four keeps 2 and 3.
    expect(topOf([0, 1, 2, 3, 4, 5, 6, 7], 4)).toEqual([0, 2, 3, 5]);
    expect(topOf([7, 4, 3, 2, 6, 5, 1, 0], 4)).toEqual([0, 2, 3, 5]);
    expect(topOf([4, 7, 0, 6, 3, 1, 5, 2], 4)).toEqual([0, 2, 3, 5]);
  });
});
