import { useState, type FormEvent } from 'react';
import { apiErrorOf } from '@pa/web-data-access';
import { usePrivacy, type DataExportInfo } from '@pa/web-data-access/account';
import { ERASURE_GRACE_DAYS, EXPORT_LINK_HOURS } from '@pa/shared-domain/privacy';
import { FormAlert, TextField, friendlyErrorFrom, usePageHeading, type FriendlyError } from '@pa/web-ui';
import { ConsentsSection } from '../components/ConsentsSection';

const when = (iso: string) => new Date(iso).toLocaleString();
const errorOf = (err: unknown): FriendlyError => friendlyErrorFrom(apiErrorOf(err));

/** Password and, for accounts with a second step, an authenticator or backup code. */
function IdentityFields({
  prefix,
  password,
  setPassword,
  code,
  setCode,
}: {
  prefix: string;
  password: string;
  setPassword(v: string): void;
  code: string;
  setCode(v: string): void;
}) {
  return (
    <>
      <TextField
        id={`${prefix}-password`}
        label="Your password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValueChange={setPassword}
        required
      />
      <TextField
        id={`${prefix}-code`}
        label="Code from your authenticator app (if you use one)"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onValueChange={setCode}
      />
    </>
  );
}

const proof = (password: string, code: string) =>
  code.trim() ? { password, mfaMethod: 'TOTP' as const, mfaCode: code.trim() } : { password };

/** Your data: download a copy of it, or delete your account (with a grace period and undo). */
export function PrivacyPage() {
  const heading = usePageHeading();
  const privacy = usePrivacy();
  const [exportPassword, setExportPassword] = useState('');
  const [exportCode, setExportCode] = useState('');
  const [exportError, setExportError] = useState<FriendlyError | null>(null);
  const [deletePassword, setDeletePassword] = useState('');
  const [deleteCode, setDeleteCode] = useState('');
  const [deleteError, setDeleteError] = useState<FriendlyError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>, onError: (e: FriendlyError | null) => void) => {
    setBusy(true);
    onError(null);
    try {
      await action();
    } catch (err) {
      onError(errorOf(err));
    } finally {
      setBusy(false);
    }
  };
  const askExport = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await privacy.requestExport(proof(exportPassword, exportCode));
      setExportPassword('');
      setExportCode('');
    }, setExportError);
  };
  const askDeletion = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await privacy.requestDeletion(proof(deletePassword, deleteCode));
      setDeletePassword('');
      setDeleteCode('');
    }, setDeleteError);
  };
  const latest: DataExportInfo | undefined = privacy.exports?.[0];

  return (
    <section className="panel" aria-labelledby="privacy-title" data-testid="privacy-page">
      <h1 id="privacy-title" ref={heading} tabIndex={-1}>
        Your data
      </h1>
      <p className="lead">
        What you agreed to, a copy of everything we hold about you, or deleting your account.
      </p>

      <ConsentsSection />

      <section aria-labelledby="export-title">
        <h2 id="export-title">Download my data</h2>
        <p>
          A ZIP file with a README, your account, preferences, devices, conversations, tasks, reminders, phone
          numbers, SMS costs, consents and account activity. We email you when it is ready; the download works
          for {EXPORT_LINK_HOURS} hours, once a day.
        </p>
        {latest && (
          <p role="status" data-testid="export-status">
            {latest.status === 'PENDING' && 'Your copy is being made…'}
            {latest.status === 'READY' &&
              latest.expiresAt &&
              `Your copy is ready (until ${when(latest.expiresAt)}).`}
            {latest.status === 'FAILED' && 'Making your copy failed. Please ask again.'}
            {latest.status === 'EXPIRED' && 'Your last copy has expired.'}
          </p>
        )}
        {latest?.status === 'READY' && (
          <button
            type="button"
            onClick={() => void run(() => privacy.download(latest), setExportError)}
            disabled={busy}
          >
            Download the ZIP
          </button>
        )}
        <form onSubmit={askExport} aria-label="Ask for a copy of my data">
          <FormAlert error={exportError} testId="export-error" />
          <IdentityFields
            prefix="export"
            password={exportPassword}
            setPassword={setExportPassword}
            code={exportCode}
            setCode={setExportCode}
          />
          <button type="submit" disabled={busy || !exportPassword}>
            Ask for a copy of my data
          </button>
        </form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete my account</h2>
        {privacy.deletion ? (
          <div className="notice" role="status" data-testid="deletion-pending">
            <p>
              Your account will be deleted on <strong>{when(privacy.deletion.dueAt)}</strong>. Until then it
              works as usual; signing in again also keeps it.
            </p>
            <button
              type="button"
              onClick={() => void run(privacy.cancelDeletion, setDeleteError)}
              disabled={busy}
            >
              Keep my account
            </button>
          </div>
        ) : (
          <form onSubmit={askDeletion} aria-label="Delete my account">
            <p>What goes, for good, after {ERASURE_GRACE_DAYS} days:</p>
            <ul>
              <li>your account, profile, preferences and second steps;</li>
              <li>your conversations, tasks, reminders and check-ins;</li>
              <li>your phone numbers (they go back to the pool) and your devices;</li>
              <li>your name, address and devices in the activity log (what happened stays, without you).</li>
            </ul>
            <p>
              SMS costs stay as anonymous amounts for our accounts. You can change your mind for{' '}
              {ERASURE_GRACE_DAYS} days: press Keep my account, or sign in again.
            </p>
            <FormAlert error={deleteError} testId="delete-error" />
            <IdentityFields
              prefix="delete"
              password={deletePassword}
              setPassword={setDeletePassword}
              code={deleteCode}
              setCode={setDeleteCode}
            />
            <button type="submit" className="danger" disabled={busy || !deletePassword}>
              Delete my account in {ERASURE_GRACE_DAYS} days
            </button>
          </form>
        )}
      </section>
    </section>
  );
}
