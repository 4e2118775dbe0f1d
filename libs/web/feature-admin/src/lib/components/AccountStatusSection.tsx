import { useAdminUserActions, type AdminUserDetail } from '@pa/web-data-access/admin';
import { ConfirmDialog, StatusNotice, type FriendlyError } from '@pa/web-ui';
import { useState } from 'react';
import { adminError } from '../logic/adminErrors';
import { statusLabel } from '../logic/labels';

const REASON_MAX = 500;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Turn an account off (with an optional reason, kept in the audit trail) or back on. */
export function AccountStatusSection({
  user,
  disabledReason,
}: {
  user: AdminUserDetail;
  disabledReason: string | null;
}) {
  const { disable, enable } = useAdminUserActions();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = user.status === 'ACTIVE';

  const onConfirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (active) {
        await disable(user.id, reason.trim() || null);
        setDone(`${user.displayName}'s account is off. Their sessions have ended.`);
      } else {
        await enable(user.id);
        setDone(`${user.displayName}'s account is on again. They can sign in.`);
      }
      setConfirming(false);
      setReason('');
    } catch (error) {
      setProblem(adminError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="status-title">
      <h2 id="status-title">Account</h2>
      <p>
        Status:{' '}
        <span className="tag" data-on={active} data-testid="detail-status">
          {statusLabel(user.status)}
        </span>
        {user.disabledAt && <> since {dateFormat.format(new Date(user.disabledAt))}</>}
      </p>
      <button
        type="button"
        onClick={() => {
          setDone(null);
          setConfirming(true);
        }}
        disabled={!!disabledReason}
      >
        {active ? 'Turn off account…' : 'Turn account back on…'}
      </button>
      {disabledReason && <p className="hint">{disabledReason}</p>}
      <StatusNotice message={done} testId="status-changed" />
      {confirming && (
        <ConfirmDialog
          title={
            active ? `Turn off ${user.displayName}'s account?` : `Turn ${user.displayName}'s account back on?`
          }
          description={
            <p>
              {active
                ? 'They are signed out everywhere at once and cannot sign in until the account is turned back on. Nothing is deleted.'
                : 'They can sign in again with their password.'}
            </p>
          }
          confirmLabel={active ? 'Yes, turn it off' : 'Yes, turn it on'}
          busyLabel={active ? 'Turning off…' : 'Turning on…'}
          busy={busy}
          error={problem}
          onConfirm={() => void onConfirm()}
          onCancel={() => {
            setConfirming(false);
            setProblem(null);
          }}
          testId="status-dialog"
        >
          {active && (
            <div className="field">
              <label htmlFor="disable-reason">Reason (optional)</label>
              <p className="hint" id="disable-reason-hint">
                Kept in the audit trail, not shown to them. At most {REASON_MAX} characters.
              </p>
              <textarea
                id="disable-reason"
                rows={3}
                maxLength={REASON_MAX}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                aria-describedby="disable-reason-hint"
              />
            </div>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
