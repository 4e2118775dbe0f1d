import { apiErrorOf, type SecurityView } from '@pa/web-data-access';
import { FormAlert, TextField, focusSoon } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { useCountdown } from '../hooks/useCountdown';
import { friendlyError, type FriendlyError } from '../logic/friendlyError';
import { loadDomain } from '../logic/loadDomain';
import { cleanCode, codeProblem } from '../logic/secondFactor';
import { ReauthCancelled } from '../logic/withReauth';
import { ConfirmStep } from './ConfirmStep';

// The API sends at most one text a minute per account; the resend button waits the same.
const RESEND_AFTER_MS = 60_000;
const INVALID_PHONE = 'Please enter a mobile number with its country code, for example +33 6 12 34 56 78.';

interface SmsSectionProps {
  security: SecurityView;
  run<T>(action: () => Promise<T>): Promise<T>;
}

/** Text-message codes: confirm a phone with a code sent to it, or turn it off. */
export function SmsSection({ security, run }: SmsSectionProps) {
  const status = security.mfaStatus;
  const [phone, setPhone] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({});
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const alertRef = useRef<HTMLDivElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const fail = (error: unknown) => {
    if (error instanceof ReauthCancelled) return;
    const apiError = apiErrorOf(error);
    const retryAfter = Number(apiError.details['retryAfterSeconds']);
    if (apiError.code === 'RATE_LIMITED' && Number.isFinite(retryAfter))
      setResendAt(Date.now() + retryAfter * 1000);
    const friendly = friendlyError(apiError);
    if (friendly.field === 'phone' || friendly.field === 'code') {
      const field = friendly.field;
      setErrors({ [field]: friendly.message });
      focusSoon(() => (field === 'phone' ? phoneRef : codeRef).current, 'select');
      return;
    }
    setProblem(friendly);
    focusSoon(() => alertRef.current);
  };

  const sendCode = async (to: string) => {
    setBusy('send');
    setProblem(null);
    setNotice('');
    try {
      await run(() => security.startPhoneVerification(to));
      setSentTo(to);
      setResendAt(Date.now() + RESEND_AFTER_MS);
      setErrors({});
      focusSoon(() => codeRef.current);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const onSendCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!phone.trim()) {
      setErrors({ phone: 'Please enter your mobile number.' });
      phoneRef.current?.focus();
      return;
    }
    // The shared rule (same as the API's); offline, the API still checks it.
    const e164 = await loadDomain().then(
      (domain) => domain.toE164(phone),
      () => phone.trim(),
    );
    if (!e164) {
      setErrors({ phone: INVALID_PHONE });
      phoneRef.current?.focus();
      return;
    }
    await sendCode(e164);
  };

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!sentTo) return;
    const found = codeProblem('SMS', code);
    setErrors(found ? { code: found } : {});
    if (found) {
      codeRef.current?.focus();
      return;
    }
    setBusy('confirm');
    setProblem(null);
    try {
      await security.confirmPhone(sentTo, cleanCode('SMS', code));
      setSentTo(null);
      setPhone('');
      setCode('');
      setNotice('Your phone is confirmed. When you sign in, you can ask for a code by text message.');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const onDisable = async () => {
    setBusy('disable');
    setProblem(null);
    setNotice('');
    try {
      await run(security.disableSmsMfa);
      setNotice('Text-message codes are off. Your phone number is removed.');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="sms-title" data-testid="sms-section">
      <div className="section-header">
        <h2 id="sms-title">Text message</h2>
        {status && (
          <span className="tag" data-on={!!status.smsPhone} data-testid="sms-state">
            {status.smsPhone ? 'On' : 'Off'}
          </span>
        )}
      </div>
      <p>We can text a sign-in code to your mobile phone — handy as a second way in.</p>
      <FormAlert error={problem} alertRef={alertRef} testId="sms-error" />
      <p role="status" className="notice-calm" data-empty={!notice} data-testid="sms-notice">
        {notice}
      </p>

      {status?.smsPhone && !sentTo && (
        <>
          <p data-testid="sms-phone">
            Codes go to <span className="nowrap">{status.smsPhone}</span>.
          </p>
          <ConfirmStep
            id="disable-sms"
            label="Turn off text messages…"
            question="Sign-in codes will no longer be texted to this phone. Turn it off?"
            confirmLabel="Yes, turn it off"
            busyLabel="Turning off…"
            keepLabel="Keep it on"
            busy={busy === 'disable'}
            onConfirm={onDisable}
          />
        </>
      )}

      {status && !status.smsPhone && !sentTo && (
        <form className="auth-form" onSubmit={(event) => void onSendCode(event)} noValidate>
          <TextField
            id="sms-phone-input"
            label="Mobile number"
            hint="With the country code, for example +33 6 12 34 56 78."
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            required
            value={phone}
            onValueChange={setPhone}
            error={errors.phone}
            inputRef={phoneRef}
          />
          <button type="submit" className="button-primary" disabled={busy !== null || wait > 0}>
            {busy === 'send' ? 'Sending…' : wait > 0 ? `Text me a code (in ${wait} s)` : 'Text me a code'}
          </button>
        </form>
      )}

      {sentTo && (
        <form className="auth-form" onSubmit={(event) => void onConfirm(event)} noValidate>
          <p className="hint" data-testid="sms-sent">
            We texted a code to {sentTo}. It can take a few seconds to arrive.
          </p>
          <TextField
            id="sms-code"
            label="6-digit code from the text message"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={12}
            required
            value={code}
            onValueChange={setCode}
            error={errors.code}
            inputRef={codeRef}
          />
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={busy !== null}>
              {busy === 'confirm' ? 'Checking…' : 'Confirm phone'}
            </button>
            <button type="button" onClick={() => void sendCode(sentTo)} disabled={busy !== null || wait > 0}>
              {wait > 0 ? `Send a new code (in ${wait} s)` : 'Send a new code'}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setSentTo(null);
                setCode('');
                setErrors({});
              }}
            >
              Use a different number
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
