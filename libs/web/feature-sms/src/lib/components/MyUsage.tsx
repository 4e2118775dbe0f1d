import { useMySmsUsage, type SmsUsageArgs, type UsageGrouping } from '@pa/web-data-access/sms';
import { RadioGroup, SelectField } from '@pa/web-ui';
import { useState } from 'react';
import { smsProblemOf } from '../logic/smsErrors';
import { UsageCharts } from './UsageCharts';
import { UsageTotals } from './UsageTotals';

type RangeChoice = '30' | '90' | '365';

const RANGE_OPTIONS = [
  { value: '30', label: 'The last 30 days' },
  { value: '90', label: 'The last 90 days' },
  { value: '365', label: 'The last 12 months' },
] as const;

const GROUPING_OPTIONS = [
  { value: 'DAY', label: 'Day' },
  { value: 'MONTH', label: 'Month' },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

// The instants are fixed when the range is picked (not at each render, which would ask again and again);
// the default 30 days are the API's own default (both null).
function argsFor(range: RangeChoice, groupBy: UsageGrouping, now = Date.now()): SmsUsageArgs {
  if (range === '30') return { from: null, to: null, groupBy };
  return {
    from: new Date(now - Number(range) * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
    groupBy,
  };
}

/** The person's texts and their cost: totals, and per day or month as a chart and a table. */
export function MyUsage({ timeZone }: { timeZone: string }) {
  const [range, setRange] = useState<RangeChoice>('30');
  const [args, setArgs] = useState<SmsUsageArgs>(() => argsFor('30', 'DAY'));
  const { usage, loading, error, refetch } = useMySmsUsage(args);

  return (
    <section className="settings-section" aria-labelledby="usage-title" data-testid="my-usage">
      <h2 id="usage-title">Texts and costs</h2>
      <div className="filter-form usage-controls">
        <SelectField
          id="usage-range"
          label="Period"
          value={range}
          options={RANGE_OPTIONS}
          onValueChange={(value) => {
            setRange(value);
            setArgs(argsFor(value, args.groupBy));
          }}
        />
        <RadioGroup
          id="usage-grouping"
          legend="Show by"
          className="choice-inline"
          value={args.groupBy}
          options={GROUPING_OPTIONS}
          onValueChange={(groupBy) => setArgs({ ...args, groupBy })}
        />
      </div>
      {loading && !usage && <p role="status">Loading your texts…</p>}
      {error && !usage && (
        <div className="notice" role="alert">
          <p>{smsProblemOf(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {usage && (
        <>
          <UsageTotals totals={usage.totals} currency={usage.currency} testId="usage" />
          <UsageCharts
            periods={usage.periods}
            from={usage.from}
            to={usage.to}
            grouping={args.groupBy}
            timeZone={timeZone}
            currency={usage.currency}
            testId="usage-chart"
          />
        </>
      )}
    </section>
  );
}
