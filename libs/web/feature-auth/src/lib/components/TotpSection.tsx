import { apiErrorOf, type SecurityView, type TotpEnrollment } from '@pa/web-data-access';
import { FormAlert, TextField, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { cleanCode, codeProblem, groupSecret } from '../logic/secondFactor';
import { ReauthCancelled } from '../logic/withReauth';
import { BackupCodesPanel } from './BackupCodesPanel';
import { ConfirmStep } from './ConfirmStep';

interface TotpSectionProps {
  security: SecurityView;
  /** Runs a sensitive action, asking for the password first when the API wants it. */
  run<T>(action: () => Promise<T>): Promise<T>;
  email: string;
}

/** Authenticator app: set up (QR code or typed key, then a first code), backup codes, turn off. */
export function TotpSection({ security, run, email }: TotpSectionProps) {
  const status = security.mfaStatus;
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const stepsRef = useRef<HTMLHeadingElement>(null);

  const act = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    setProblem(null);
    setNotice('');
    try {
      await action();
    } catch (error) {
      if (error instanceof ReauthCancelled) return;
      setProblem(friendlyError(apiErrorOf(error)));
      focusSoon(() => alertRef.current);
    } finally {
      setBusy(null);
    }
  };

  const onStart = () =>
    act('start', async () => {
      const started = await run(security.startTotpEnrollment);
      setEnrollment(started);
      setCode('');
      setCodeError(undefined);
      focusSoon(() => stepsRef.current);
    });

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    const found = codeProblem('TOTP', code);
    setCodeError(found ?? undefined);
    if (found) {
      codeRef.current?.focus();
      return;
    }
    setBusy('confirm');
    setProblem(null);
    try {
      const issued = await security.confirmTotpEnrollment(cleanCode('TOTP', code));
      setEnrollment(null);
      if (issued.length > 0) setCodes(issued);
      else setNotice('Your authenticator app is on. Next time you sign in, we will ask for a code from it.');
    } catch (error) {
      const friendly = friendlyError(apiErrorOf(error));
      if (friendly.field === 'code') {
        setCodeError(friendly.message);
        focusSoon(() => codeRef.current, 'select');
      } else {
        setProblem(friendly);
        focusSoon(() => alertRef.current);
      }
    } finally {
      setBusy(null);
    }
  };

  const onDisable = () =>
    act('disable', async () => {
      await run(security.disableTotp);
      setNotice('The authenticator app is off, and its backup codes no longer work.');
    });

  const onRegenerate = () =>
    act('regenerate', async () => {
      setCodes(await run(security.regenerateBackupCodes));
    });

  return (
    <section className="settings-section" aria-labelledby="totp-title" data-testid="totp-section">
      <div className="section-header">
        <h2 id="totp-title">Authenticator app</h2>
        {status && (
          <span className="tag" data-on={status.totpEnabled} data-testid="totp-state">
            {status.totpEnabled ? 'On' : 'Off'}
          </span>
        )}
      </div>
      <p>
        An app on your phone (such as Aegis, Google Authenticator or 1Password) shows a new 6-digit code every
        30 seconds. Signing in then needs your password and that code.
      </p>
      <FormAlert error={problem} alertRef={alertRef} testId="totp-error" />
      <p role="status" className="notice-calm" data-empty={!notice} data-testid="totp-notice">
        {notice}
      </p>

      {codes && (
        <BackupCodesPanel
          codes={codes}
          email={email}
          onDone={() => {
            setCodes(null);
            setNotice('All set. Two-step sign-in is on, and your backup codes are saved.');
          }}
        />
      )}

      {!codes && enrollment && (
        <div className="enroll">
          <h3 ref={stepsRef} tabIndex={-1}>
            Two short steps
          </h3>
          <ol className="steps">
            <li>
              <p>Scan this QR code with your authenticator app.</p>
              <img
                className="qr"
                src={enrollment.qrCodeDataUrl}
                alt="QR code to scan with your authenticator app"
                width={200}
                height={200}
              />
              <p>
                Can't scan it? Choose “enter a setup key” in the app and type this key:{' '}
                <code className="secret" data-testid="totp-secret">
                  {groupSecret(enrollment.secret)}
                </code>
              </p>
            </li>
            <li>
              <form className="auth-form" onSubmit={onConfirm} noValidate>
                <TextField
                  id="totp-code"
                  label="Type the 6-digit code the app shows"
                  hint="It changes every 30 seconds; any current one works."
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={12}
                  required
                  value={code}
                  onValueChange={setCode}
                  error={codeError}
                  inputRef={codeRef}
                />
                <div className="button-row">
                  <button type="submit" className="button-primary" disabled={busy !== null}>
                    {busy === 'confirm' ? 'Checking…' : 'Turn on'}
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setEnrollment(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </div>
      )}

      {!codes && !enrollment && status && !status.totpEnabled && (
        <button
          type="button"
          className="button-primary"
          onClick={() => void onStart()}
          disabled={busy !== null}
        >
          {busy === 'start' ? 'Preparing…' : 'Set up an authenticator app'}
        </button>
      )}

      {!codes && !enrollment && status?.totpEnabled && (
        <>
          <p data-testid="backup-codes-remaining">
            {status.backupCodesRemaining === 1
              ? 'You have 1 backup code left.'
              : `You have ${status.backupCodesRemaining} backup codes left.`}
          </p>
          <div className="stack">
            <ConfirmStep
              id="regenerate-codes"
              label="Make new backup codes…"
              question="Your current backup codes will stop working. Make new ones?"
              confirmLabel="Yes, make new codes"
              busyLabel="Making codes…"
              keepLabel="Keep the current ones"
              busy={busy === 'regenerate'}
              onConfirm={onRegenerate}
            />
            <ConfirmStep
              id="disable-totp"
              label="Turn off the authenticator app…"
              question="Signing in will no longer ask for a code from the app, and the backup codes stop working. Turn it off?"
              confirmLabel="Yes, turn it off"
              busyLabel="Turning off…"
              keepLabel="Keep it on"
              busy={busy === 'disable'}
              onConfirm={onDisable}
            />
          </div>
        </>
      )}
    </section>
  );
}
