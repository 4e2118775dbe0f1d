import { useAdminUserActions, type AdminUserDetail } from '@pa/web-data-access/admin';
import { ConfirmDialog, TextField, type FriendlyError } from '@pa/web-ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { adminError } from '../logic/adminErrors';

/** Delete an account for good; the person's email must be typed to confirm. */
export function DeleteSection({
  user,
  disabledReason,
}: {
  user: AdminUserDetail;
  disabledReason: string | null;
}) {
  const { remove } = useAdminUserActions();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const matches = typed.trim().toLowerCase() === user.email.toLowerCase();

  const onConfirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await remove(user.id);
      void navigate('/admin/users', {
        replace: true,
        state: { notice: `${user.displayName}'s account and everything it held are deleted.` },
      });
    } catch (error) {
      setBusy(false);
      setProblem(adminError(error));
    }
  };

  return (
    <section className="danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>Removes the account and everything it owns. This cannot be undone; turning it off can.</p>
      <button type="button" onClick={() => setConfirming(true)} disabled={!!disabledReason}>
        Delete account…
      </button>
      {disabledReason && <p className="hint">{disabledReason}</p>}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${user.displayName}'s account?`}
          description={
            <p>Their conversations, reminders, settings and sessions go with it. There is no undo.</p>
          }
          confirmLabel="Delete for good"
          busyLabel="Deleting…"
          busy={busy}
          canConfirm={matches}
          error={problem}
          onConfirm={() => void onConfirm()}
          onCancel={() => {
            setConfirming(false);
            setTyped('');
            setProblem(null);
          }}
          testId="delete-dialog"
        >
          <TextField
            id="delete-confirm"
            label={`Type ${user.email} to confirm`}
            value={typed}
            onValueChange={setTyped}
            autoComplete="off"
            spellCheck={false}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
