import {
  numbersArgsFrom,
  numbersFilterFrom,
  numbersParamsFor,
  numberStatusLabel,
  pageFrom,
  pickByEmail,
  readRecipient,
} from './numbersSearch';

describe('the numbers list in the address', () => {
  it('reads the filter and page, ignoring what is not one', () => {
    const params = new URLSearchParams('q=415&status=spare&page=3');
    expect(numbersFilterFrom(params)).toEqual({ search: '415', status: 'SPARE' });
    expect(pageFrom(params)).toBe(3);
    expect(numbersArgsFrom(params, 10)).toEqual({ search: '415', status: 'SPARE', limit: 10, offset: 20 });
    expect(numbersFilterFrom(new URLSearchParams('status=lost'))).toEqual({ search: '', status: '' });
    expect(pageFrom(new URLSearchParams('page=-2'))).toBe(1);
    expect(numbersArgsFrom(new URLSearchParams(''), 10)).toEqual({
      search: null,
      status: null,
      limit: 10,
      offset: 0,
    });
  });

  it('writes a filter back as a first page', () => {
    expect(numbersParamsFor({ search: ' ada ', status: 'ACTIVE' }).toString()).toBe('q=ada&status=active');
    expect(numbersParamsFor({ search: '', status: '' }, 2).toString()).toBe('page=2');
  });

  it('names each status in words', () => {
    expect(numberStatusLabel('SPARE')).toBe('In the pool');
  });
});

describe('whom a number goes to', () => {
  it('takes an account id as is and anything else as a search', () => {
    expect(readRecipient(' 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ')).toEqual({
      userId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    });
    expect(readRecipient('ada@example.test')).toEqual({ search: 'ada@example.test' });
    expect(readRecipient('   ')).toBeNull();
  });

  it('picks the person an email names exactly, never a near miss', () => {
    const people = [
      { id: '1', email: 'ada@example.test' },
      { id: '2', email: 'ada.b@example.test' },
    ];
    expect(pickByEmail(people, 'ADA@example.test')?.id).toBe('1');
    expect(pickByEmail(people, 'ad@example.test')).toBeNull();
    expect(pickByEmail([{ id: '3', email: 'x@example.test' }], 'ad@example.test')).toBeNull();
    // A name that finds exactly one person is enough.
    expect(pickByEmail([{ id: '3', email: 'x@example.test' }], 'Xavier')?.id).toBe('3');
  });
});
