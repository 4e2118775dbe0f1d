import { pageParams, usersArgsFrom, usersFilterFrom, usersParamsFor } from './usersSearch';

describe('the people list address', () => {
  it('asks for the first page with no filter by default', () => {
    expect(usersArgsFrom(new URLSearchParams(), 20)).toEqual({ filter: {}, first: 20, after: null });
  });

  it('reads search, role and status, in the API spelling', () => {
    const params = new URLSearchParams('q=+robin+&role=premium&status=disabled');
    expect(usersArgsFrom(params, 10).filter).toEqual({
      search: 'robin',
      role: 'PREMIUM',
      status: 'DISABLED',
    });
    expect(usersFilterFrom(params)).toEqual({ search: ' robin ', role: 'premium', status: 'DISABLED' });
  });

  it('ignores a role or status that does not exist', () => {
    expect(usersArgsFrom(new URLSearchParams('role=owner&status=gone'), 10).filter).toEqual({});
  });

  it('pages forward after a cursor and back before one, keeping the filter', () => {
    const params = new URLSearchParams('q=sam');
    const next = pageParams(params, 'next', 'c20');
    expect(usersArgsFrom(next, 20)).toEqual({ filter: { search: 'sam' }, first: 20, after: 'c20' });
    const back = pageParams(next, 'previous', 'c21');
    expect(back.get('after')).toBeNull();
    expect(usersArgsFrom(back, 20)).toEqual({ filter: { search: 'sam' }, last: 20, before: 'c21' });
  });

  it('starts a new filter on its first page', () => {
    const params = usersParamsFor({ search: ' kim ', role: 'administrator', status: 'ACTIVE' });
    expect(params.toString()).toBe('q=kim&role=administrator&status=active');
  });
});
