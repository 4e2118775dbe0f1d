import { tokenFromHash } from './fragmentToken';

describe('tokenFromHash', () => {
  it('reads the token from a #token= fragment', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('token=xyz')).toBe('xyz');
    expect(tokenFromHash('#other=1&token=t')).toBe('t');
  });

  it('gives null without a token', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });
});
