import type { AdminPhoneNumberActions } from '@pa/web-data-access/sms';
import { FormAlert, SelectField, TextField, type FriendlyError } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { cleanAreaCode, formatPhone, isAreaCode, NUMBER_COUNTRIES } from '../logic/phone';
import { smsProblemOf } from '../logic/smsErrors';

/** Buys a spare number into the pool (by country and optional area code). */
export function AddToPool({
  actions,
  onAdded,
}: {
  actions: AdminPhoneNumberActions;
  onAdded(message: string): void;
}) {
  const [country, setCountry] = useState('US');
  const [areaCode, setAreaCode] = useState('');
  const [areaError, setAreaError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = cleanAreaCode(areaCode);
    if (!isAreaCode(code)) {
      setAreaError('An area code has 2 to 5 digits. Or leave it empty.');
      return;
    }
    setAreaError(undefined);
    setBusy(true);
    setProblem(null);
    try {
      const added = await actions.addToPool({ country, areaCode: code || null });
      onAdded(`${formatPhone(added.phoneNumber)} is in the pool, ready for someone.`);
    } catch (error) {
      const friendly = smsProblemOf(error);
      if (friendly.field === 'areaCode') setAreaError(friendly.message);
      else {
        setProblem(friendly);
        alertRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="pool-title" data-testid="add-to-pool">
      <h2 id="pool-title">Add a spare number</h2>
      <p>Buys a number into the pool: the next person who asks for one gets it at once.</p>
      <FormAlert error={problem} alertRef={alertRef} testId="pool-error" />
      <form className="filter-form" onSubmit={submit} noValidate aria-label="Add a spare number">
        <SelectField
          id="pool-country"
          label="Country"
          value={country}
          onValueChange={setCountry}
          options={NUMBER_COUNTRIES}
        />
        <TextField
          id="pool-area-code"
          label="Area code (optional)"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={areaCode}
          onValueChange={setAreaCode}
          error={areaError}
        />
        <div className="filter-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add to the pool'}
          </button>
        </div>
      </form>
    </section>
  );
}
