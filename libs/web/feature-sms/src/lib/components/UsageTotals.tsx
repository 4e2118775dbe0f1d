import type { SmsUsageFigures } from '@pa/web-data-access/sms';
import { formatMoney } from '../logic/money';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The totals of a range: texts each way (with segments), and what they and the number cost. */
export function UsageTotals({
  totals,
  currency,
  testId,
}: {
  totals: SmsUsageFigures;
  currency: string;
  testId: string;
}) {
  return (
    <>
      <dl className="usage-totals" data-testid={testId}>
        <div>
          <dt>Received</dt>
          <dd>
            <span className="usage-figure" data-testid={`${testId}-inbound`}>
              {count(totals.inboundMessages, 'text', 'texts')}
            </span>
            <span className="cell-sub">{count(totals.inboundSegments, 'segment', 'segments')}</span>
          </dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>
            <span className="usage-figure" data-testid={`${testId}-outbound`}>
              {count(totals.outboundMessages, 'text', 'texts')}
            </span>
            <span className="cell-sub">{count(totals.outboundSegments, 'segment', 'segments')}</span>
          </dd>
        </div>
        <div>
          <dt>Texts</dt>
          <dd>
            <data value={totals.messageCost} className="usage-figure">
              {formatMoney(totals.messageCost, currency)}
            </data>
          </dd>
        </div>
        <div>
          <dt>Number rental</dt>
          <dd>
            <data value={totals.rentalCost} className="usage-figure">
              {formatMoney(totals.rentalCost, currency)}
            </data>
          </dd>
        </div>
        <div>
          <dt>Total cost</dt>
          <dd>
            <data value={totals.totalCost} className="usage-figure" data-testid={`${testId}-cost`}>
              {formatMoney(totals.totalCost, currency)}
            </data>
          </dd>
        </div>
      </dl>
      {totals.unpricedMessages > 0 && (
        <p className="hint" data-testid={`${testId}-unpriced`}>
          {count(totals.unpricedMessages, 'text is', 'texts are')} not priced by Twilio yet, so not in the
          costs above.
        </p>
      )}
    </>
  );
}
