import type { AdminPhoneNumber, AdminPhoneNumberActions } from '@pa/web-data-access/sms';
import { ConfirmDialog, TextField, type FriendlyError } from '@pa/web-ui';
import { useState } from 'react';
import { pickByEmail, readRecipient } from '../logic/numbersSearch';
import { formatPhone } from '../logic/phone';
import { smsProblemOf } from '../logic/smsErrors';

export type NumberAction = 'reassign' | 'unassign' | 'release';

/**
 * The confirmation of one action on one number (give it to someone, take it back to the pool, give it
 * back to Twilio). Calls `onDone` with a sentence to show once the API agreed.
 */
export function NumberActionDialog({
  action,
  number,
  actions,
  onDone,
  onCancel,
}: {
  action: NumberAction;
  number: AdminPhoneNumber;
  actions: AdminPhoneNumberActions;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [recipient, setRecipient] = useState('');
  const shown = formatPhone(number.phoneNumber);
  const owner = number.owner ? `${number.owner.displayName} (${number.owner.email})` : null;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await work());
    } catch (error) {
      setProblem(smsProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const reassign = async () => {
    const typed = readRecipient(recipient);
    if (!typed) return;
    setBusy(true);
    setProblem(null);
    try {
      let userId = '';
      let name = 'that account';
      if ('userId' in typed) {
        userId = typed.userId;
      } else {
        const people = await actions.findPeople(typed.search);
        const person = pickByEmail(people, typed.search);
        if (!person) {
          setProblem({
            message:
              people.length === 0
                ? `Nobody matches “${typed.search}”. Check the email.`
                : `More than one person matches “${typed.search}”: type their full email.`,
            problems: people.slice(0, 5).map((p) => `${p.displayName} — ${p.email}`),
          });
          return;
        }
        userId = person.id;
        name = `${person.displayName} (${person.email})`;
      }
      await actions.reassign(number.id, userId);
      onDone(`${shown} now belongs to ${name}.`);
    } catch (error) {
      setProblem(smsProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (action === 'reassign')
    return (
      <ConfirmDialog
        testId="reassign-dialog"
        title={`Give ${shown} to someone`}
        description={
          <p>
            {owner ? `It belongs to ${owner} now: they stop receiving its texts.` : 'It is in the pool now.'}{' '}
            Its webhooks stay as they are.
          </p>
        }
        confirmLabel="Give the number"
        busyLabel="Giving it…"
        busy={busy}
        canConfirm={recipient.trim() !== ''}
        error={problem}
        onConfirm={() => void reassign()}
        onCancel={onCancel}
      >
        <TextField
          id="reassign-recipient"
          label="Their email or account id"
          value={recipient}
          onValueChange={setRecipient}
          autoComplete="off"
          spellCheck={false}
        />
      </ConfirmDialog>
    );

  if (action === 'unassign')
    return (
      <ConfirmDialog
        testId="unassign-dialog"
        title={`Take ${shown} back to the pool?`}
        description={
          <p>
            {owner ? `${owner} stops receiving its texts. ` : ''}The number stays ours, ready for someone
            else.
          </p>
        }
        confirmLabel="Yes, back to the pool"
        busyLabel="Taking it back…"
        busy={busy}
        error={problem}
        onConfirm={() =>
          void run(async () => {
            await actions.unassign(number.id);
            return `${shown} is back in the pool.`;
          })
        }
        onCancel={onCancel}
      />
    );

  return (
    <ConfirmDialog
      testId="release-twilio-dialog"
      title={`Give ${shown} back to Twilio?`}
      description={
        <p>
          Its monthly rental stops and it leaves our account: we may never get this number again.
          {owner ? ` ${owner} stops receiving its texts.` : ''}
        </p>
      }
      confirmLabel="Yes, give it back to Twilio"
      busyLabel="Giving it back…"
      busy={busy}
      error={problem}
      onConfirm={() =>
        void run(async () => {
          await actions.releaseToTwilio(number.id);
          return `${shown} is given back to Twilio.`;
        })
      }
      onCancel={onCancel}
    />
  );
}
