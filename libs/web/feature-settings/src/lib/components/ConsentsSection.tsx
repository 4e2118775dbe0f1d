import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorOf } from '@pa/web-data-access';
import { useConsents, type ConsentInfo } from '@pa/web-data-access/account';
import { SMS_WITHDRAWAL_EFFECT } from '@pa/shared-domain/consent';
import { FormAlert, friendlyErrorFrom, type FriendlyError } from '@pa/web-ui';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

const SOURCES: Record<ConsentInfo['source'], string> = {
  SIGN_UP: 'when you signed up',
  PROMPT: 'when asked after an update',
  SETTINGS: 'in Settings',
  NUMBER: 'when you got your number',
  MIGRATION: 'texts were on before consents were recorded',
};

/** Settings → Your data: what you accepted, texts on or off (with the effect said), and the history limit. */
export function ConsentsSection() {
  const view = useConsents();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FriendlyError | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(friendlyErrorFrom(apiErrorOf(err)));
    } finally {
      setBusy(false);
    }
  };
  const standing = (kind: ConsentInfo['kind']) =>
    view.consents?.find((c) => c.kind === kind && !c.withdrawnAt && (kind === 'SMS' || c.current));
  const sms = standing('SMS');
  const limit = view.historyLimit;

  return (
    <>
      <section aria-labelledby="consents-title" data-testid="consents">
        <h2 id="consents-title">What you agreed to</h2>
        <ul>
          {view.documents
            ?.filter((d) => d.required)
            .map((d) => {
              const given = standing(d.kind);
              return (
                <li key={d.kind} data-testid={`consent-${d.kind.toLowerCase()}`}>
                  <Link to={d.path}>{d.title}</Link>:{' '}
                  {given
                    ? `accepted on ${day(given.grantedAt)} (${SOURCES[given.source]}).`
                    : 'a new version waits for you.'}
                </li>
              );
            })}
        </ul>
        <p className="hint">These are what the service runs on: to stop, delete your account below.</p>
        <h3>Texts from the assistant</h3>
        <p role="status" data-testid="sms-consent-status">
          {sms
            ? `On since ${day(sms.grantedAt)} (${SOURCES[sms.source]}).`
            : 'Off: the assistant does not text you. Reminders, check-ins and answers stay in the app.'}
        </p>
        <FormAlert error={error} testId="consent-error" />
        {sms ? (
          <>
            <p>{SMS_WITHDRAWAL_EFFECT}</p>
            <button type="button" onClick={() => void run(() => view.withdraw('SMS'))} disabled={busy}>
              Stop texts from the assistant
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => void run(() => view.accept('SMS'))}
            disabled={busy || !view.documents}
          >
            Let the assistant text me
          </button>
        )}
        <p className="hint">
          Texting STOP to your number blocks that number at the carrier on its own; this switch stops every
          text from the assistant. <Link to="/legal/sms">About texts</Link>.
        </p>
        {view.consents && view.consents.length > 0 && (
          <details>
            <summary>History of your consents</summary>
            <ul data-testid="consent-history">
              {view.consents.map((c) => (
                <li key={c.id}>
                  {c.kind.toLowerCase()} version {c.version}: given {day(c.grantedAt)} ({SOURCES[c.source]})
                  {c.withdrawnAt ? `, withdrawn ${day(c.withdrawnAt)}` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {limit?.days != null && (
        <section aria-labelledby="history-title" data-testid="history-limit">
          <h2 id="history-title">Conversation history</h2>
          <p>
            Your plan shows the last {limit.days} days of conversations. Older messages are hidden, never
            deleted: upgrading shows them again, and your copy of your data holds all of them.
          </p>
          {limit.hiddenMessages > 0 && <p>{limit.hiddenMessages} older messages are hidden now.</p>}
          {limit.hidingSoon > 0 && (
            <p className="notice" role="status">
              {limit.hidingSoon} messages will be hidden within {limit.warningDays} days. Ask for a copy above
              to keep them at hand.
            </p>
          )}
        </section>
      )}
    </>
  );
}
