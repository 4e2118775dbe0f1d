import { useSmsAnalytics, type SmsUsageArgs } from '@pa/web-data-access/sms';
import { FormAlert, RadioGroup, TextField, usePageHeading, type FriendlyError } from '@pa/web-ui';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { UsageCharts } from '../components/UsageCharts';
import { UsageTotals } from '../components/UsageTotals';
import {
  analyticsArgsFor,
  analyticsFormFrom,
  analyticsParamsFor,
  csvFileName,
  rangeProblemText,
  type AnalyticsForm,
} from '../logic/analyticsSearch';
import { formatMoney } from '../logic/money';
import { numberStatusLabel } from '../logic/numbersSearch';
import { formatPhone } from '../logic/phone';
import { isForbidden, smsProblemOf } from '../logic/smsErrors';

const GROUPING_OPTIONS = [
  { value: 'DAY', label: 'Day' },
  { value: 'MONTH', label: 'Month' },
] as const;

/** Saves text as a file, the way a download link would. */
function saveFile(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Platform texts and costs over a range: totals, a chart, top people, per number, and a CSV export. */
export function SmsAnalyticsPage() {
  const heading = usePageHeading();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  // The default range is fixed when the address is read, not at every render.
  const applied = useMemo(() => analyticsFormFrom(new URLSearchParams(paramsKey), new Date()), [paramsKey]);
  const [form, setForm] = useState<AnalyticsForm>(applied);
  const [fieldError, setFieldError] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const checked = analyticsArgsFor(applied);
  // An address with a bad range asks for the default instead (and the form says why).
  const args: SmsUsageArgs =
    'problem' in checked ? { from: null, to: null, groupBy: applied.groupBy } : checked;
  const { report, loading, error, refetch, fetchCsv } = useSmsAnalytics(args);
  const [downloading, setDownloading] = useState(false);
  const [csvProblem, setCsvProblem] = useState<FriendlyError | null>(null);
  const csvAlert = useRef<HTMLDivElement>(null);

  useEffect(() => setForm(applied), [applied]);

  if (isForbidden(error)) {
    return (
      <section className="panel" aria-labelledby="analytics-title">
        <h1 id="analytics-title" ref={heading} tabIndex={-1}>
          You do not have access to this area
        </h1>
        <p>SMS analytics are for administrators. Nothing is wrong with your account.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = analyticsArgsFor(form);
    if ('problem' in next) {
      setFieldError(rangeProblemText(next.problem));
      return;
    }
    setFieldError(null);
    setParams(analyticsParamsFor(form));
  };

  const download = async () => {
    setDownloading(true);
    setCsvProblem(null);
    try {
      saveFile(csvFileName(applied), await fetchCsv(), 'text/csv;charset=utf-8');
    } catch (problem) {
      setCsvProblem(smsProblemOf(problem));
      csvAlert.current?.focus();
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="analytics-title" data-testid="sms-analytics-page">
      <h1 id="analytics-title" ref={heading} tabIndex={-1}>
        SMS analytics
      </h1>
      <p className="lead">Texts and what they cost across everyone, by day or month (UTC days).</p>

      <form className="filter-form" aria-label="Range" onSubmit={onSubmit} noValidate>
        <TextField
          id="analytics-from"
          label="First day"
          type="date"
          value={form.from}
          onValueChange={(from) => setForm({ ...form, from })}
          error={fieldError?.field === 'from' ? fieldError.message : undefined}
        />
        <TextField
          id="analytics-to"
          label="Last day"
          type="date"
          value={form.to}
          onValueChange={(to) => setForm({ ...form, to })}
          error={fieldError?.field === 'to' ? fieldError.message : undefined}
        />
        <RadioGroup
          id="analytics-grouping"
          legend="Show by"
          className="choice-inline"
          value={form.groupBy}
          options={GROUPING_OPTIONS}
          onValueChange={(groupBy) => setForm({ ...form, groupBy })}
        />
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            Show
          </button>
        </div>
      </form>

      <div className="button-row">
        <button
          type="button"
          onClick={() => void download()}
          disabled={downloading}
          data-testid="download-csv"
        >
          {downloading ? 'Preparing the file…' : 'Download CSV'}
        </button>
      </div>
      <FormAlert error={csvProblem} alertRef={csvAlert} testId="csv-error" />

      {loading && !report && <p role="status">Loading the figures…</p>}
      {error && !report && (
        <div className="notice" role="alert">
          <p>{smsProblemOf(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {report && (
        <>
          <section className="settings-section" aria-labelledby="analytics-totals-title">
            <h2 id="analytics-totals-title">Totals</h2>
            <UsageTotals totals={report.totals} currency={report.currency} testId="analytics" />
            <UsageCharts
              periods={report.periods}
              from={report.from}
              to={report.to}
              grouping={args.groupBy}
              timeZone="UTC"
              currency={report.currency}
              testId="analytics-chart"
            />
          </section>

          <section className="settings-section" aria-labelledby="top-users-title">
            <h2 id="top-users-title">Who texts most</h2>
            {report.topUsers.length === 0 ? (
              <p>Nobody texted in this range.</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="top-users">
                  <caption className="visually-hidden">People with the highest cost in the range</caption>
                  <thead>
                    <tr>
                      <th scope="col">Person</th>
                      <th scope="col">Received</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Segments</th>
                      <th scope="col">Cost</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.topUsers.map((u, index) => (
                      <tr key={u.userId ?? `gone-${index}`}>
                        <th scope="row" className="cell-wrap">
                          {u.userId && u.displayName ? (
                            <Link to={`/admin/users/${u.userId}`}>{u.displayName}</Link>
                          ) : (
                            (u.displayName ?? 'A deleted account')
                          )}
                          {u.email && <span className="cell-sub">{u.email}</span>}
                        </th>
                        <td data-label="Received">{u.inboundMessages}</td>
                        <td data-label="Sent">{u.outboundMessages}</td>
                        <td data-label="Segments">{u.inboundSegments + u.outboundSegments}</td>
                        <td data-label="Cost">
                          <data value={u.totalCost}>{formatMoney(u.totalCost, report.currency)}</data>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="settings-section" aria-labelledby="per-number-title">
            <h2 id="per-number-title">Per number</h2>
            {report.perNumber.length === 0 ? (
              <p>No number was used in this range.</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="per-number">
                  <caption className="visually-hidden">Texts and costs per number in the range</caption>
                  <thead>
                    <tr>
                      <th scope="col">Number</th>
                      <th scope="col">Received</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Texts</th>
                      <th scope="col">Rental</th>
                      <th scope="col">Total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.perNumber.map((n) => (
                      <tr key={n.numberId} data-number={n.phoneNumber}>
                        <th scope="row" className="nowrap">
                          {formatPhone(n.phoneNumber)}
                          <span className="cell-sub">{numberStatusLabel(n.status)}</span>
                        </th>
                        <td data-label="Received">{n.inboundMessages}</td>
                        <td data-label="Sent">{n.outboundMessages}</td>
                        <td data-label="Texts">
                          <data value={n.messageCost}>{formatMoney(n.messageCost, report.currency)}</data>
                        </td>
                        <td data-label="Rental">
                          <data value={n.rentalCost}>{formatMoney(n.rentalCost, report.currency)}</data>
                        </td>
                        <td data-label="Total">
                          <data value={n.totalCost}>{formatMoney(n.totalCost, report.currency)}</data>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </section>
  );
}
