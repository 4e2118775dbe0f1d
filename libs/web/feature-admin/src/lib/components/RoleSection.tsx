import { type ApiRole } from '@pa/web-data-access';
import { useAdminUserActions, type AdminUserDetail } from '@pa/web-data-access/admin';
import { ConfirmDialog, SelectField, StatusNotice, type FriendlyError } from '@pa/web-ui';
import { useEffect, useState } from 'react';
import { adminError } from '../logic/adminErrors';
import { ROLE_OPTIONS, roleLabel } from '../logic/labels';

/** Change a person's role: pick one, confirm, and every list showing them updates from the answer. */
export function RoleSection({
  user,
  disabledReason,
}: {
  user: AdminUserDetail;
  disabledReason: string | null;
}) {
  const { setRole } = useAdminUserActions();
  const [role, setRoleChoice] = useState<ApiRole>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // Someone else changed it meanwhile (or the change landed): the select follows the saved role.
  useEffect(() => setRoleChoice(user.role), [user.role]);

  const chosen = ROLE_OPTIONS.find((option) => option.value === role);

  const onConfirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const updated = await setRole(user.id, role);
      setConfirming(false);
      setDone(`${updated.displayName} is now ${roleLabel(updated.role)}. It applies to their next request.`);
    } catch (error) {
      setProblem(adminError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="role-title">
      <h2 id="role-title">Role</h2>
      <p>
        Now: <strong data-testid="detail-role">{roleLabel(user.role)}</strong>. Each role includes everything
        of the one before it.
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          if (role !== user.role) setConfirming(true);
        }}
      >
        <SelectField<ApiRole>
          id="detail-role-select"
          label="New role"
          value={role}
          onValueChange={setRoleChoice}
          options={ROLE_OPTIONS.map(({ value, label }) => ({ value, label }))}
          hint={chosen?.description}
          disabled={!!disabledReason}
        />
        <button type="submit" disabled={!!disabledReason || role === user.role}>
          Change role…
        </button>
      </form>
      {disabledReason && <p className="hint">{disabledReason}</p>}
      <StatusNotice message={done} testId="role-changed" />
      {confirming && (
        <ConfirmDialog
          title={`Make ${user.displayName} ${roleLabel(role)}?`}
          description={
            <p>
              {user.displayName} ({user.email}) goes from {roleLabel(user.role)} to {roleLabel(role)}.{' '}
              {chosen?.description}
            </p>
          }
          confirmLabel={`Yes, make them ${roleLabel(role)}`}
          busyLabel="Changing the role…"
          busy={busy}
          error={problem}
          onConfirm={() => void onConfirm()}
          onCancel={() => {
            setConfirming(false);
            setProblem(null);
          }}
          testId="role-dialog"
        />
      )}
    </section>
  );
}
