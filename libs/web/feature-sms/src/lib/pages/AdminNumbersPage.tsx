import {
  useAdminPhoneNumberActions,
  useAdminPhoneNumbers,
  type AdminPhoneNumber,
  type WebhookCheckReport,
} from '@pa/web-data-access/sms';
import {
  Pager,
  SelectField,
  StatusNotice,
  TextField,
  relativeTime,
  useNow,
  usePageHeading,
} from '@pa/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AddToPool } from '../components/AddToPool';
import { NumberActionDialog, type NumberAction } from '../components/NumberDialogs';
import { formatMoney } from '../logic/money';
import {
  NUMBER_STATUSES,
  NUMBERS_PAGE_SIZE,
  numbersArgsFrom,
  numbersFilterFrom,
  numbersParamsFor,
  numberStatusLabel,
  pageFrom,
} from '../logic/numbersSearch';
import { formatPhone } from '../logic/phone';
import { isForbidden, smsProblemOf } from '../logic/smsErrors';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Checked 12 numbers: 1 drifted and repaired, …" */
export function describeCheck(report: WebhookCheckReport): string {
  const parts = [
    `${count(report.drifted, 'drift')} found`,
    `${report.repaired} repaired`,
    `${report.adopted} adopted`,
    `${report.abandoned} abandoned`,
    `${report.failed} failed`,
  ];
  return `Checked ${count(report.checked, 'number')}: ${parts.join(', ')}.`;
}

function WebhookCell({ number, now }: { number: AdminPhoneNumber; now: number }) {
  const hook = number.webhook;
  if (!hook) return <span className="cell-sub">Not set up</span>;
  return (
    <>
      {hook.lastError ? (
        <span className="tag" data-on="false" data-testid="webhook-state">
          Problem
        </span>
      ) : (
        <span className="tag" data-testid="webhook-state">
          OK
        </span>
      )}
      <span className="cell-sub">
        {hook.lastCheckedAt ? `Checked ${relativeTime(hook.lastCheckedAt, now)}` : 'Not checked yet'}
      </span>
      {hook.lastDrift && (
        <span className="cell-sub">
          Drift{hook.lastDriftAt ? ` ${relativeTime(hook.lastDriftAt, now)}` : ''}: {hook.lastDrift}
          {hook.repairs > 0 ? ` (repaired ${count(hook.repairs, 'time')})` : ''}
        </span>
      )}
      {hook.lastError && <span className="cell-sub">{hook.lastError}</span>}
    </>
  );
}

/** Every number: who holds it, its state and cost, its webhooks; the pool, reassigning and releasing. */
export function AdminNumbersPage() {
  const heading = usePageHeading();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const applied = numbersFilterFrom(params);
  const [form, setForm] = useState(applied);
  const page = pageFrom(params);
  const { numbers, total, loading, error, refetch } = useAdminPhoneNumbers(numbersArgsFrom(params));
  const actions = useAdminPhoneNumberActions();
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkProblem, setCheckProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<{ action: NumberAction; number: AdminPhoneNumber } | null>(null);
  const paramsKey = params.toString();

  useEffect(() => setForm(numbersFilterFrom(new URLSearchParams(paramsKey))), [paramsKey]);

  if (isForbidden(error)) {
    return (
      <section className="panel" aria-labelledby="numbers-title">
        <h1 id="numbers-title" ref={heading} tabIndex={-1}>
          You do not have access to this area
        </h1>
        <p>Managing numbers is for administrators. Nothing is wrong with your account.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(numbersParamsFor(form));
  };

  const checkNow = async () => {
    setChecking(true);
    setCheckProblem(null);
    try {
      setNotice(describeCheck(await actions.checkWebhooks()));
    } catch (problem) {
      setCheckProblem(smsProblemOf(problem).message);
    } finally {
      setChecking(false);
    }
  };

  const filtered = !!(applied.search || applied.status);
  const pages = total === undefined ? 1 : Math.max(1, Math.ceil(total / NUMBERS_PAGE_SIZE));
  return (
    <section className="panel" aria-labelledby="numbers-title" data-testid="admin-numbers-page">
      <h1 id="numbers-title" ref={heading} tabIndex={-1}>
        Phone numbers
      </h1>
      <p className="lead">
        Every number, newest first: who holds it, what it costs, and whether Twilio reaches us.
      </p>
      <StatusNotice message={notice} testId="numbers-notice" />

      <div className="button-row numbers-tools">
        <button
          type="button"
          onClick={() => void checkNow()}
          disabled={checking}
          data-testid="check-webhooks"
        >
          {checking ? 'Checking webhooks…' : 'Check webhooks now'}
        </button>
      </div>
      {checkProblem && (
        <p className="notice" role="alert">
          {checkProblem}
        </p>
      )}

      <h2 className="visually-hidden">Find numbers</h2>
      <form className="filter-form numbers-filter" role="search" aria-label="Numbers" onSubmit={onSubmit}>
        <TextField
          id="numbers-search"
          label="Number"
          hint="All or part of it: the digits count, spaces and signs do not."
          type="search"
          inputMode="tel"
          value={form.search}
          onValueChange={(search) => setForm({ ...form, search })}
          spellCheck={false}
        />
        <SelectField
          id="numbers-status"
          label="Status"
          value={form.status}
          onValueChange={(status) => setForm({ ...form, status })}
          options={[
            { value: '', label: 'Any status' },
            ...NUMBER_STATUSES.map((s) => ({ value: s, label: numberStatusLabel(s) })),
          ]}
        />
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            Search
          </button>
          {filtered && (
            <button type="button" className="button-quiet" onClick={() => setParams(new URLSearchParams())}>
              Clear
            </button>
          )}
        </div>
      </form>

      {loading && !numbers && <p role="status">Loading numbers…</p>}
      {error && !numbers && (
        <div className="notice" role="alert">
          <p>{smsProblemOf(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {numbers && total !== undefined && (
        <p className="hint" data-testid="numbers-total">
          {filtered
            ? `${count(total, 'number')} ${total === 1 ? 'matches' : 'match'}.`
            : `${count(total, 'number')} in all.`}
        </p>
      )}
      {numbers && numbers.length === 0 && (
        <p data-testid="numbers-empty">{filtered ? 'No number matches this search.' : 'No number yet.'}</p>
      )}
      {numbers && numbers.length > 0 && (
        <div className="table-wrap">
          <table className="data-table numbers-table" data-testid="numbers-table">
            <caption className="visually-hidden">
              Phone numbers{filtered ? ' matching the search' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Holder</th>
                <th scope="col">Status</th>
                <th scope="col">Monthly cost</th>
                <th scope="col">Webhooks</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {numbers.map((number) => {
                const live = number.status === 'ACTIVE' || number.status === 'SPARE';
                const shown = formatPhone(number.phoneNumber);
                return (
                  <tr key={number.id} data-testid="number-row" data-number={number.phoneNumber}>
                    <th scope="row" className="nowrap">
                      {shown}
                      <span className="cell-sub">{number.country}</span>
                    </th>
                    <td data-label="Holder" className="cell-wrap" data-testid="number-owner">
                      {number.owner ? (
                        <>
                          <Link to={`/admin/users/${number.owner.id}`}>{number.owner.displayName}</Link>
                          <span className="cell-sub">{number.owner.email}</span>
                        </>
                      ) : (
                        <span className="cell-sub">Nobody</span>
                      )}
                    </td>
                    <td data-label="Status" data-testid="number-status">
                      <span className="tag" data-on={number.status === 'ACTIVE' || number.status === 'SPARE'}>
                        {numberStatusLabel(number.status)}
                      </span>
                    </td>
                    <td data-label="Monthly cost">
                      <data value={number.monthlyCost}>
                        {formatMoney(number.monthlyCost, number.currency)}
                      </data>
                    </td>
                    <td data-label="Webhooks">
                      <WebhookCell number={number} now={now} />
                    </td>
                    <td data-label="Actions">
                      {live ? (
                        <span className="row-actions">
                          <button type="button" onClick={() => setOpen({ action: 'reassign', number })}>
                            Give to…<span className="visually-hidden"> {shown}</span>
                          </button>
                          {number.status === 'ACTIVE' && (
                            <button type="button" onClick={() => setOpen({ action: 'unassign', number })}>
                              Back to pool<span className="visually-hidden"> {shown}</span>
                            </button>
                          )}
                          <button
                            type="button"
                            className="button-danger"
                            onClick={() => setOpen({ action: 'release', number })}
                          >
                            Release<span className="visually-hidden"> {shown}</span>…
                          </button>
                        </span>
                      ) : (
                        <span className="cell-sub">None</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Numbers"
        hasPrevious={page > 1}
        hasNext={page < pages}
        busy={loading}
        onPrevious={() => setParams(numbersParamsFor(applied, page - 1))}
        onNext={() => setParams(numbersParamsFor(applied, page + 1))}
      />

      <AddToPool actions={actions} onAdded={setNotice} />

      {open && (
        <NumberActionDialog
          action={open.action}
          number={open.number}
          actions={actions}
          onDone={(message) => {
            setNotice(message);
            setOpen(null);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  );
}
