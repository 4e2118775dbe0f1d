import { limitsOf } from '@pa/shared-domain/access';
import { domainRoleOf, useAuth, useCan } from '@pa/web-data-access';
import { useMyNumberActions, useMyNumbers, type MyPhoneNumber } from '@pa/web-data-access/sms';
import { ConfirmDialog, StatusNotice, usePageHeading, type FriendlyError } from '@pa/web-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { ClaimNumber } from '../components/ClaimNumber';
import { MyNumberCard } from '../components/MyNumberCard';
import { MyUsage } from '../components/MyUsage';
import { formatPhone } from '../logic/phone';
import { smsProblemOf } from '../logic/smsErrors';

/**
 * "My number": a first calm step when no phone is verified yet, then getting a number (one click or a
 * pick), the number itself with how to text it, and what the texts cost.
 */
export function MyNumberPage() {
  const heading = usePageHeading();
  const { user } = useAuth();
  const canProvision = useCan('sms_number:provision:own');
  const { numbers, verifiedPhone, price, loading, error, refetch } = useMyNumbers();
  const actions = useMyNumberActions();
  const [notice, setNotice] = useState<string | null>(null);
  const [releasing, setReleasing] = useState<MyPhoneNumber | null>(null);
  const [releaseBusy, setReleaseBusy] = useState(false);
  const [releaseProblem, setReleaseProblem] = useState<FriendlyError | null>(null);

  const limit = user ? limitsOf(domainRoleOf(user.role)).smsNumbers : 1;
  const held = numbers?.length ?? 0;
  const hasPhone = !!verifiedPhone;

  const release = async () => {
    if (!releasing) return;
    setReleaseBusy(true);
    setReleaseProblem(null);
    try {
      await actions.release(releasing.id);
      setNotice(
        `${formatPhone(releasing.phoneNumber)} is given back. You can get a new number whenever you like.`,
      );
      setReleasing(null);
    } catch (problem) {
      setReleaseProblem(smsProblemOf(problem));
      refetch();
    } finally {
      setReleaseBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="my-number-title" data-testid="my-number-page">
      <h1 id="my-number-title" ref={heading} tabIndex={-1}>
        My number
      </h1>
      <p className="lead">Your own phone number for the assistant: text it like you would text a friend.</p>
      <StatusNotice message={notice} testId="my-number-notice" />

      {loading && !numbers && <p role="status">Loading your number…</p>}
      {error && !numbers && (
        <div className="notice" role="alert">
          <p>{smsProblemOf(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}

      {numbers && !hasPhone && (
        <section className="first-step" aria-labelledby="verify-first-title" data-testid="verify-phone-first">
          <h2 id="verify-first-title">
            {held > 0 ? 'Verify your phone again' : 'First step: your own phone'}
          </h2>
          <p>
            Your number only answers texts from your own mobile phone, so we need to know it. It takes a
            minute: we text you a code, you type it in.
          </p>
          <p data-testid="verify-phone-signin-note">
            Good to know: the phone you verify also becomes a way to sign in — sign-in codes can then be
            texted to it, as a second way in (Security shows it).
          </p>
          <p>
            <Link className="button-link" to="/settings/security">
              Verify my phone in Security
            </Link>
          </p>
        </section>
      )}

      {numbers?.map((number) => (
        <MyNumberCard
          key={number.id}
          number={number}
          fromPhone={verifiedPhone ?? null}
          onRelease={() => {
            setReleaseProblem(null);
            setReleasing(number);
          }}
        />
      ))}

      {numbers && hasPhone && canProvision && held < limit && (
        <ClaimNumber
          actions={actions}
          another={held > 0}
          price={price}
          verifiedPhone={verifiedPhone}
          onClaimed={(number) =>
            setNotice(`It’s yours: ${formatPhone(number.phoneNumber)}. Text it from your phone to try it.`)
          }
        />
      )}
      {numbers && hasPhone && held >= limit && held > 0 && limit > 1 && (
        <p className="hint">Your plan includes {limit} numbers, and you have them all.</p>
      )}

      {numbers && held > 0 && <MyUsage timeZone={user?.timeZone ?? 'UTC'} />}

      {releasing && (
        <ConfirmDialog
          testId="release-dialog"
          title={`Give back ${formatPhone(releasing.phoneNumber)}?`}
          description={
            <p>
              Texts to this number will stop reaching your assistant. Your tasks, reminders and conversations
              stay. You can get a new number afterwards, perhaps not this one.
            </p>
          }
          confirmLabel="Yes, give it back"
          busyLabel="Giving it back…"
          cancelLabel="Keep it"
          busy={releaseBusy}
          error={releaseProblem}
          onConfirm={() => void release()}
          onCancel={() => setReleasing(null)}
        />
      )}
    </section>
  );
}
