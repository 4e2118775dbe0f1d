import { AppError } from '@pa/server-core';
import { MAIL_LIMITS, addressOf, messageIdFor, validateMail } from './mail-validation';

function invalidField(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, field: err.details?.['field'] };
    throw err;
  }
  return 'accepted';
}

describe('validateMail', () => {
  const ok = { to: 'ada@example.com', subject: 'Hello', text: 'Body' };

  it('accepts a well-formed mail and trims the subject', () => {
    expect(validateMail({ ...ok, subject: '  Hello  ' }).subject).toBe('Hello');
  });

  it.each([
    ['to', { ...ok, to: 'not-an-address' }],
    ['to', { ...ok, to: 'a@example.com, b@example.com' }],
    ['subject', { ...ok, subject: 'Hi\r\nBcc: victim@example.com' }],
    ['subject', { ...ok, subject: '   ' }],
    ['subject', { ...ok, subject: 'x'.repeat(MAIL_LIMITS.subjectMax + 1) }],
    ['text', { ...ok, text: '' }],
    ['html', { ...ok, html: 'x'.repeat(MAIL_LIMITS.htmlMax + 1) }],
  ])('rejects a bad %s with MAIL_INVALID naming the field', (field, mail) => {
    expect(invalidField(() => validateMail(mail))).toEqual({ code: 'MAIL_INVALID', field });
  });
});

describe('message ids', () => {
  it('takes the address out of a display-name From', () => {
    expect(addressOf('"Personal Assistant TDAH" <no-reply@pa.example>')).toBe('no-reply@pa.example');
    expect(addressOf('bare@pa.example')).toBe('bare@pa.example');
  });

  it('derives the same Message-ID from the same key, and different ones from different keys', () => {
    const from = '"PA" <no-reply@pa.example>';
    expect(messageIdFor('k1', from)).toBe(messageIdFor('k1', from));
    expect(messageIdFor('k1', from)).not.toBe(messageIdFor('k2', from));
    expect(messageIdFor('k1', from)).toMatch(/^<[0-9a-f]{32}\.pa@pa\.example>$/);
  });
});
