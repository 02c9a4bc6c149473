import { RecentRows } from './recent-rows';

describe('RecentRows', () => {
  afterEach(() => jest.useRealTimers());

  it('answers from the copy within the time, reads again after it', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const rows = new RecentRows<number>(3_000);
    let reads = 0;
    const read = async () => ++reads;
    expect(await rows.get('a', read)).toBe(1);
    jest.advanceTimersByTime(2_999);
    expect(await rows.get('a', read)).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await rows.get('a', read)).toBe(2);
    expect(await rows.get('b', read)).toBe(3);
  });

  it('shares one read between concurrent callers and drops every copy on clear()', async () => {
    const rows = new RecentRows<string>(60_000);
    let reads = 0;
    const read = async () => `v${++reads}`;
    expect(await Promise.all([rows.get('k', read), rows.get('k', read)])).toEqual(['v1', 'v1']);
    rows.clear();
    expect(await rows.get('k', read)).toBe('v2');
  });

  it('does not keep a failed read', async () => {
    const rows = new RecentRows<string>(60_000);
    await expect(rows.get('k', () => Promise.reject(new Error('connection reset')))).rejects.toThrow(
      'connection reset',
    );
    expect(await rows.get('k', async () => 'fresh')).toBe('fresh');
  });
});
