import { apiErrorOf, type MfaMethod } from '@pa/web-data-access';
import { TextField } from '@pa/web-ui';
import { useRef, useState, type Ref } from 'react';
import { useCountdown } from '../hooks/useCountdown';
import { METHOD_TEXT } from '../logic/secondFactor';

// The API sends at most one text a minute per account; the button waits the same.
const RESEND_AFTER_MS = 60_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

interface SecondFactorFieldsProps {
  idPrefix: string;
  methods: MfaMethod[];
  method: MfaMethod;
  onMethodChange(method: MfaMethod): void;
  code: string;
  onCodeChange(code: string): void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Texts a code; resolves to when it expires. */
  sendSms(): Promise<string>;
  /** A failed send (shown by the form's alert). */
  onSmsError(error: unknown): void;
}

/** Choose a second factor (when there are several), then type its code; texts one on request for SMS. */
export function SecondFactorFields({
  idPrefix,
  methods,
  method,
  onMethodChange,
  code,
  onCodeChange,
  error,
  inputRef,
  sendSms,
  onSmsError,
}: SecondFactorFieldsProps) {
  const text = METHOD_TEXT[method];
  const [sending, setSending] = useState(false);
  const [sentUntil, setSentUntil] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const codeRef = useRef<HTMLInputElement | null>(null);

  const onSend = async () => {
    setSending(true);
    try {
      const expiresAt = await sendSms();
      setSentUntil(expiresAt);
      setResendAt(Date.now() + RESEND_AFTER_MS);
      codeRef.current?.focus();
    } catch (err) {
      const apiError = apiErrorOf(err);
      const retryAfter = Number(apiError.details['retryAfterSeconds']);
      if (apiError.code === 'RATE_LIMITED' && Number.isFinite(retryAfter))
        setResendAt(Date.now() + retryAfter * 1000);
      onSmsError(err);
    } finally {
      setSending(false);
    }
  };

  const setRefs = (node: HTMLInputElement | null) => {
    codeRef.current = node;
    if (typeof inputRef === 'function') inputRef(node);
    else if (inputRef) inputRef.current = node;
  };

  const numeric = method !== 'BACKUP_CODE';
  return (
    <>
      {methods.length > 1 && (
        <fieldset className="choice-group">
          <legend>How would you like to confirm?</legend>
          {methods.map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name={`${idPrefix}-method`}
                value={m}
                checked={m === method}
                onChange={() => onMethodChange(m)}
              />
              {METHOD_TEXT[m].choice}
            </label>
          ))}
        </fieldset>
      )}
      {method === 'SMS' && (
        <div className="sms-send">
          <button
            type="button"
            onClick={() => void onSend()}
            disabled={sending || wait > 0}
            data-testid={`${idPrefix}-send-sms`}
          >
            {sending
              ? 'Sending…'
              : sentUntil
                ? wait > 0
                  ? `Send a new code (in ${wait} s)`
                  : 'Send a new code'
                : wait > 0
                  ? `Text me a code (in ${wait} s)`
                  : 'Text me a code'}
          </button>
          <p role="status" className="hint" data-testid={`${idPrefix}-sms-status`}>
            {sentUntil
              ? `We texted a code to your phone. It works until ${timeFormat.format(new Date(sentUntil))}.`
              : ''}
          </p>
        </div>
      )}
      <TextField
        key={method}
        id={`${idPrefix}-code`}
        label={text.label}
        hint={text.hint}
        autoComplete={numeric ? 'one-time-code' : 'off'}
        inputMode={numeric ? 'numeric' : 'text'}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={numeric ? 12 : 40}
        required
        value={code}
        onValueChange={onCodeChange}
        error={error}
        inputRef={setRefs}
      />
    </>
  );
}
