import {
  auditArgsFrom,
  auditFilterFrom,
  auditParamsFor,
  localDayStart,
  validateAuditFilter,
} from './auditSearch';

const empty = { action: '', outcome: '', actorId: '', subjectId: '', from: '', to: '' };
const ID = '3f0c2b9e-1d2a-4c5b-8e7f-0a1b2c3d4e5f';

describe('the audit log address', () => {
  it('round-trips a filter through the address', () => {
    const form = { ...empty, action: 'role_change', outcome: 'DENIED', actorId: ID, from: '2026-11-01' };
    expect(auditFilterFrom(auditParamsFor(form))).toEqual(form);
  });

  it('includes the whole end day and starts at local midnight', () => {
    const args = auditArgsFrom(new URLSearchParams('from=2026-11-01&to=2026-11-02'), 25);
    expect(args.filter?.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(args.filter?.to).toBe(new Date(2026, 10, 3).toISOString());
    expect(args).toMatchObject({ first: 25, after: null });
  });

  it('drops an unknown outcome and a malformed day', () => {
    const args = auditArgsFrom(new URLSearchParams('outcome=MAYBE&from=yesterday'), 25);
    expect(args.filter).toEqual({});
    expect(localDayStart('2026-13-45')).not.toBeNull(); // Date rolls over; the API bounds it anyway.
    expect(localDayStart('nope')).toBeNull();
  });

  it('pages back before a cursor', () => {
    expect(auditArgsFrom(new URLSearchParams('before=99'), 25)).toMatchObject({ last: 25, before: '99' });
  });

  it('points at a malformed id or a reversed date range before asking the API', () => {
    expect(validateAuditFilter({ ...empty, actorId: 'abc', from: '2026-11-05', to: '2026-11-01' })).toEqual({
      actorId: expect.stringMatching(/account id/),
      to: expect.stringMatching(/before the start/),
    });
    expect(validateAuditFilter({ ...empty, actorId: ID, subjectId: ` ${ID} ` })).toEqual({});
  });
});
