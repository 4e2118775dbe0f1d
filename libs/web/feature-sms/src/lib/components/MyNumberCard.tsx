import type { MyPhoneNumber } from '@pa/web-data-access/sms';
import { formatMoney } from '../logic/money';
import { formatPhone, nationalPhone, smsHref, telHref } from '../logic/phone';
import { CopyButton } from './CopyButton';
import { TextItInstructions } from './TextItInstructions';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One of the person's numbers, big and easy to copy, with how to text it and a way to give it back. */
export function MyNumberCard({
  number,
  fromPhone,
  onRelease,
}: {
  number: MyPhoneNumber;
  /** The verified phone, partly hidden; null when none is verified any more. */
  fromPhone: string | null;
  onRelease(): void;
}) {
  const national = nationalPhone(number.phoneNumber);
  const titleId = `number-${number.id}-title`;
  return (
    <article
      className="number-card"
      aria-labelledby={titleId}
      data-testid="my-number"
      data-number={number.phoneNumber}
    >
      <h2 id={titleId} className="visually-hidden">
        Your number {formatPhone(number.phoneNumber)}
      </h2>
      <p className="number-big">
        <a href={telHref(number.phoneNumber)} data-testid="my-number-link">
          {formatPhone(number.phoneNumber)}
        </a>
      </p>
      {national && national !== formatPhone(number.phoneNumber) && (
        <p className="cell-sub">At home: {national}</p>
      )}
      <div className="button-row">
        <CopyButton text={number.phoneNumber} label="Copy the number" testId="copy-number" />
        <a className="button-link" href={smsHref(number.phoneNumber)}>
          Open in Messages
        </a>
      </div>
      <TextItInstructions fromPhone={fromPhone} />
      <p className="hint">
        {number.assignedAt ? <>Yours since {dateFormat.format(new Date(number.assignedAt))}. </> : null}
        It costs {formatMoney(number.monthlyCost, number.currency)} a month.
      </p>
      <div className="danger-zone">
        <h3>Give this number back</h3>
        <p>Texts to it will stop reaching your assistant. Your tasks, reminders and conversations stay.</p>
        <button type="button" className="button-danger" onClick={onRelease} data-testid="release-number">
          Give it back…
        </button>
      </div>
    </article>
  );
}
