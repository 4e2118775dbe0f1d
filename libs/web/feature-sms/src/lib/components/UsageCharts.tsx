import type { SmsUsageFigures } from '@pa/web-data-access/sms';
import { decimalForDrawing, formatMoney } from '../logic/money';
import { fillPeriods, periodLabel, periodsBetween, type Grouping } from '../logic/periods';
import { BarChart } from './BarChart';

const emptyFigures = (period: string): SmsUsageFigures => ({
  period,
  inboundMessages: 0,
  outboundMessages: 0,
  inboundSegments: 0,
  outboundSegments: 0,
  messageCost: '0',
  rentalCost: '0',
  totalCost: '0',
  unpricedMessages: 0,
});

const texts = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'text' : 'texts'}`;

/** Texts per period (received and sent, stacked) and cost per period, every period of the range shown. */
export function UsageCharts({
  periods,
  from,
  to,
  grouping,
  timeZone,
  currency,
  testId,
}: {
  periods: readonly SmsUsageFigures[];
  from: string;
  to: string;
  grouping: Grouping;
  /** The zone the API grouped the periods in. */
  timeZone: string;
  currency: string;
  testId: string;
}) {
  const all = fillPeriods(periods, periodsBetween(from, to, grouping, timeZone), emptyFigures);
  const per = grouping === 'DAY' ? 'day' : 'month';
  const busiest = all.reduce<SmsUsageFigures | null>(
    (top, p) =>
      p.inboundMessages + p.outboundMessages > (top ? top.inboundMessages + top.outboundMessages : 0)
        ? p
        : top,
    null,
  );
  const dearest = all.reduce<SmsUsageFigures | null>(
    (top, p) => (decimalForDrawing(p.totalCost) > (top ? decimalForDrawing(top.totalCost) : 0) ? p : top),
    null,
  );
  const span =
    all.length > 0
      ? `${periodLabel(all[0]?.period ?? '')} to ${periodLabel(all[all.length - 1]?.period ?? '')}`
      : '';
  return (
    <div className="usage-charts">
      <BarChart
        testId={`${testId}-messages`}
        title={`Texts per ${per}`}
        summary={
          busiest
            ? `Texts per ${per}, ${span}. The busiest ${per} was ${periodLabel(busiest.period)}, with ${texts(busiest.inboundMessages)} received and ${texts(busiest.outboundMessages)} sent.`
            : `No texts from ${span}.`
        }
        series={['Received', 'Sent']}
        columns={['Received', 'Sent']}
        bars={all.map((p) => ({
          key: p.period,
          label: periodLabel(p.period),
          values: [p.inboundMessages, p.outboundMessages],
          cells: [String(p.inboundMessages), String(p.outboundMessages)],
        }))}
        formatMax={(max) => texts(max)}
      />
      <BarChart
        testId={`${testId}-cost`}
        title={`Cost per ${per}`}
        summary={
          dearest
            ? `Cost per ${per}, ${span}. The highest was ${formatMoney(dearest.totalCost, currency)}, on ${periodLabel(dearest.period)}.`
            : `No cost from ${span}.`
        }
        series={['Cost']}
        columns={['Texts', 'Rental', 'Total']}
        bars={all.map((p) => ({
          key: p.period,
          label: periodLabel(p.period),
          values: [decimalForDrawing(p.totalCost)],
          cells: [
            formatMoney(p.messageCost, currency),
            formatMoney(p.rentalCost, currency),
            formatMoney(p.totalCost, currency),
          ],
        }))}
        // The scale's top is a drawing figure (a rounded float), shown to the cent like the amounts.
        formatMax={(max) => formatMoney(max.toFixed(2), currency)}
      />
    </div>
  );
}
