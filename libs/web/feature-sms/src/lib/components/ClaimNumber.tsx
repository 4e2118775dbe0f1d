import type { AvailableNumber, MyNumberActions, MyPhoneNumber } from '@pa/web-data-access/sms';
import { ConfirmDialog, FormAlert, SelectField, TextField, type FriendlyError } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { formatMoney } from '../logic/money';
import { cleanAreaCode, countryOfPhone, formatPhone, isAreaCode, NUMBER_COUNTRIES } from '../logic/phone';
import { smsProblemOf } from '../logic/smsErrors';

/**
 * Getting a number: "any number" or a search by country and area code and a pick from the list
 * (numbers already ours are marked "Ready now"). Nothing is bought before the person confirmed the
 * price; the country starts as that of their verified phone.
 */
export function ClaimNumber({
  actions,
  onClaimed,
  another = false,
  price,
  verifiedPhone = null,
}: {
  actions: MyNumberActions;
  onClaimed(number: MyPhoneNumber): void;
  /** The person already has a number (the plan allows more). */
  another?: boolean;
  /** The monthly rental, shown before anything is bought. */
  price: { monthlyCost: string; currency: string } | undefined;
  /** The person's verified phone (maybe partly hidden): its country is offered first. */
  verifiedPhone?: string | null;
}) {
  const [country, setCountry] = useState(() => countryOfPhone(verifiedPhone) ?? 'US');
  // The number about to be claimed (null: any), waiting for the person to confirm the price.
  const [confirming, setConfirming] = useState<{ phoneNumber: string | null } | null>(null);
  const monthly = price ? formatMoney(price.monthlyCost, price.currency) : null;
  const countryName = NUMBER_COUNTRIES.find((c) => c.value === country)?.label ?? country;
  const [areaCode, setAreaCode] = useState('');
  const [areaError, setAreaError] = useState<string | undefined>();
  const [results, setResults] = useState<AvailableNumber[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLInputElement>(null);

  const fail = (error: unknown) => {
    const friendly = smsProblemOf(error);
    if (friendly.field === 'areaCode') {
      setAreaError(friendly.message);
      areaRef.current?.focus();
      return;
    }
    setProblem(friendly);
    alertRef.current?.focus();
  };

  const claim = async (phoneNumber: string | null) => {
    setConfirming(null);
    setBusy(phoneNumber ?? 'any');
    setProblem(null);
    try {
      onClaimed(await actions.claim(phoneNumber ? { phoneNumber, country } : { country }));
    } catch (error) {
      fail(error);
      // A number someone else just took leaves the list.
      if (phoneNumber) setResults((list) => list?.filter((n) => n.phoneNumber !== phoneNumber) ?? null);
    } finally {
      setBusy(null);
    }
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const code = cleanAreaCode(areaCode);
    setProblem(null);
    if (!isAreaCode(code)) {
      setAreaError('An area code has 2 to 5 digits. Or leave it empty for any number.');
      areaRef.current?.focus();
      return;
    }
    setAreaError(undefined);
    setBusy('search');
    try {
      setResults(await actions.search(country, code || null));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="claim-title" data-testid="claim-number">
      <h2 id="claim-title">{another ? 'Get another number' : 'Get your number'}</h2>
      <p>
        A phone number just for you: text it and your assistant answers. Any number works the same — pick one
        near you if you like.
      </p>
      {monthly && (
        <p data-testid="number-price">
          A number costs <strong>{monthly} a month</strong>. You are asked before anything is bought, and you
          can give it back at any time.
        </p>
      )}
      <FormAlert error={problem} alertRef={alertRef} testId="claim-error" />
      <p>
        <button
          type="button"
          className="button-primary"
          onClick={() => setConfirming({ phoneNumber: null })}
          disabled={busy !== null || !price}
          data-testid="claim-any"
        >
          {busy === 'any' ? 'Getting your number…' : `Get a number in ${countryName}…`}
        </button>
      </p>

      <h3>Or choose one</h3>
      <form className="filter-form" role="search" aria-label="Available numbers" onSubmit={search} noValidate>
        <SelectField
          id="number-country"
          label="Country"
          value={country}
          onValueChange={(value) => {
            setCountry(value);
            setResults(null);
          }}
          options={NUMBER_COUNTRIES}
        />
        <TextField
          id="number-area-code"
          label="Area code (optional)"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={areaCode}
          onValueChange={setAreaCode}
          error={areaError}
          inputRef={areaRef}
        />
        <div className="filter-actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'search' ? 'Looking…' : 'Show numbers'}
          </button>
        </div>
      </form>

      {results && results.length === 0 && (
        <p role="status" data-testid="no-numbers">
          No number is free there right now. Try another area code, or leave it empty.
        </p>
      )}
      {results && results.length > 0 && (
        <>
          <p role="status" className="visually-hidden">
            {results.length === 1 ? '1 number available.' : `${results.length} numbers available.`}
          </p>
          <ul className="available-numbers" data-testid="available-numbers">
            {results.map((n) => (
              <li key={n.phoneNumber} data-testid="available-number" data-number={n.phoneNumber}>
                <span className="available-number-text">
                  <strong>{formatPhone(n.phoneNumber)}</strong>
                  <span className="cell-sub">
                    {[n.locality, n.region].filter(Boolean).join(', ') || n.country}
                  </span>
                </span>
                {n.fromPool && (
                  <span className="tag" data-testid="ready-now">
                    Ready now
                  </span>
                )}
                <button
                  type="button"
                  onClick={() => setConfirming({ phoneNumber: n.phoneNumber })}
                  disabled={busy !== null || !price}
                >
                  {busy === n.phoneNumber ? 'Claiming…' : 'Claim'}
                  <span className="visually-hidden"> {formatPhone(n.phoneNumber)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {confirming && monthly && (
        <ConfirmDialog
          title={`${monthly} a month`}
          description={
            confirming.phoneNumber
              ? `${formatPhone(confirming.phoneNumber)} becomes yours for ${monthly} a month, from today. You can give it back at any time.`
              : `A number in ${countryName} becomes yours for ${monthly} a month, from today. You can give it back at any time.`
          }
          confirmLabel={`Get it for ${monthly} a month`}
          busyLabel="Getting your number…"
          onConfirm={() => void claim(confirming.phoneNumber)}
          onCancel={() => setConfirming(null)}
          testId="claim-confirm"
        />
      )}
    </section>
  );
}
