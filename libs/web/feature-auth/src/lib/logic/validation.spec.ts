import { firstInvalidField, validateRegister, validateSignIn } from './validation';

describe('form checks', () => {
  it('asks for a missing email and password on sign-in', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual({
      email: 'Please enter your email address.',
      password: 'Please enter your password.',
    });
    expect(validateSignIn({ email: 'sam@example.test', password: 'x' })).toEqual({});
  });

  it('catches an obvious email slip', () => {
    expect(validateSignIn({ email: 'sam@example', password: 'x' }).email).toMatch(/look quite right/);
  });

  it('points focus at the first field in page order', () => {
    const errors = validateRegister({ displayName: '', email: 'bad', password: '', timeZone: 'UTC' });
    expect(Object.keys(errors).sort()).toEqual(['displayName', 'email', 'password']);
    expect(firstInvalidField(errors)).toBe('displayName');
    expect(firstInvalidField({ timeZone: 'x', password: 'y' })).toBe('password');
  });
});
