import { dayIn, fillPeriods, lastDays, periodLabel, periodsBetween, rangeInstants } from './periods';

describe('periodsBetween', () => {
  it('lays out every day of the range in the time zone the API grouped by', () => {
    expect(periodsBetween('2026-11-01T00:00:00Z', '2026-11-04T00:00:00Z', 'DAY', 'UTC')).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    // 23:30 UTC on Oct 31 is already Nov 1 in Paris; the end instant is exclusive.
    expect(periodsBetween('2026-10-31T23:30:00Z', '2026-11-02T23:00:00Z', 'DAY', 'Europe/Paris')).toEqual([
      '2026-11-01',
      '2026-11-02',
    ]);
  });

  it('lays out months across a new year', () => {
    expect(periodsBetween('2026-11-15T00:00:00Z', '2027-02-02T00:00:00Z', 'MONTH', 'UTC')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('gives nothing for a backwards or unreadable range, and stays bounded', () => {
    expect(periodsBetween('2026-11-04T00:00:00Z', '2026-11-01T00:00:00Z', 'DAY', 'UTC')).toEqual([]);
    expect(periodsBetween('nope', '2026-11-01T00:00:00Z', 'DAY', 'UTC')).toEqual([]);
    expect(periodsBetween('2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'DAY', 'UTC').length).toBeLessThan(
      800,
    );
  });

  it('falls back to UTC for an unknown time zone', () => {
    expect(dayIn(new Date('2026-11-01T23:30:00Z'), 'Not/AZone')).toBe('2026-11-01');
  });
});

describe('fillPeriods', () => {
  it('adds the quiet periods and keeps what the API reported', () => {
    const filled = fillPeriods(
      [
        { period: '2026-11-02', n: 3 },
        { period: '2026-11-09', n: 1 },
      ],
      ['2026-11-01', '2026-11-02', '2026-11-03'],
      (period) => ({ period, n: 0 }),
    );
    expect(filled).toEqual([
      { period: '2026-11-01', n: 0 },
      { period: '2026-11-02', n: 3 },
      { period: '2026-11-03', n: 0 },
      { period: '2026-11-09', n: 1 },
    ]);
  });
});

describe('periodLabel', () => {
  it('names days and months briefly', () => {
    expect(periodLabel('2026-11-03', 'en-GB')).toBe('3 Nov');
    expect(periodLabel('2026-11', 'en-US')).toBe('Nov 2026');
    expect(periodLabel('total', 'en-US')).toBe('total');
  });
});

describe('date ranges of the analytics page', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(lastDays(30, new Date('2026-11-30T15:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('turns whole days into the API’s instants (end exclusive)', () => {
    expect(rangeInstants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(rangeInstants({ from: '2026-11-05', to: '2026-11-05' })).toEqual({
      from: '2026-11-05T00:00:00.000Z',
      to: '2026-11-06T00:00:00.000Z',
    });
  });

  it('says what is wrong with a range', () => {
    expect(rangeInstants({ from: '', to: '2026-11-30' })).toEqual({ problem: 'from' });
    expect(rangeInstants({ from: '2026-11-01', to: '2026-02-31' })).toEqual({ problem: 'to' });
    expect(rangeInstants({ from: '2026-11-02', to: '2026-11-01' })).toEqual({ problem: 'order' });
    expect(rangeInstants({ from: '2020-01-01', to: '2026-11-01' })).toEqual({ problem: 'length' });
  });
});
