import {
  analyticsArgsFor,
  analyticsFormFrom,
  analyticsParamsFor,
  csvFileName,
  rangeProblemText,
} from './analyticsSearch';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('the analytics range in the address', () => {
  it('defaults to the last 30 days by day', () => {
    expect(analyticsFormFrom(new URLSearchParams(''), NOW)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'DAY',
    });
  });

  it('round-trips a chosen range and grouping', () => {
    const form = { from: '2026-01-01', to: '2026-06-30', groupBy: 'MONTH' as const };
    expect(analyticsFormFrom(analyticsParamsFor(form), NOW)).toEqual(form);
    expect(analyticsParamsFor({ ...form, groupBy: 'DAY' }).toString()).toBe('from=2026-01-01&to=2026-06-30');
  });

  it('gives the API whole UTC days, or what is wrong', () => {
    expect(analyticsArgsFor({ from: '2026-11-01', to: '2026-11-30', groupBy: 'DAY' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      groupBy: 'DAY',
    });
    const wrong = analyticsArgsFor({ from: '2026-11-30', to: '2026-11-01', groupBy: 'DAY' });
    expect(wrong).toEqual({ problem: 'order' });
    expect(rangeProblemText('order').field).toBe('to');
  });

  it('names the CSV after its range', () => {
    expect(csvFileName({ from: '2026-11-01', to: '2026-11-30' })).toBe(
      'sms-usage-2026-11-01-to-2026-11-30.csv',
    );
  });
});
