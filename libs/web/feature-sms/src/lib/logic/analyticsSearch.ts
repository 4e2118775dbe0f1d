import type { SmsUsageArgs, UsageGrouping } from '@pa/web-data-access/sms';
import { lastDays, rangeInstants, type DayRange, type RangeProblem } from './periods';

/** The analytics form: whole UTC days, both included, and the grouping. */
export interface AnalyticsForm extends DayRange {
  groupBy: UsageGrouping;
}

/** The range in the address (?from=&to=&by=), or the last 30 days by day. */
export function analyticsFormFrom(params: URLSearchParams, now: Date): AnalyticsForm {
  const fallback = lastDays(30, now);
  return {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    groupBy: params.get('by') === 'month' ? 'MONTH' : 'DAY',
  };
}

/** The address for a form. */
export function analyticsParamsFor(form: AnalyticsForm): URLSearchParams {
  const params = new URLSearchParams({ from: form.from, to: form.to });
  if (form.groupBy === 'MONTH') params.set('by', 'month');
  return params;
}

/** The query variables of a form, or what is wrong with its dates. */
export function analyticsArgsFor(form: AnalyticsForm): SmsUsageArgs | { problem: RangeProblem } {
  const range = rangeInstants(form);
  return 'problem' in range ? range : { ...range, groupBy: form.groupBy };
}

const PROBLEMS: Record<RangeProblem, { field: 'from' | 'to'; message: string }> = {
  from: { field: 'from', message: 'Pick the first day of the range.' },
  to: { field: 'to', message: 'Pick the last day of the range.' },
  order: { field: 'to', message: 'The last day comes on or after the first one.' },
  length: { field: 'to', message: 'Pick at most 2 years.' },
};

/** Which date field a range problem concerns, and what to say. */
export const rangeProblemText = (problem: RangeProblem) => PROBLEMS[problem];

/** The downloaded file's name: sms-usage-2026-11-01-to-2026-11-30.csv */
export const csvFileName = (range: DayRange) => `sms-usage-${range.from}-to-${range.to}.csv`;
