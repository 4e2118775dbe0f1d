import { PASSWORD_POLICY, checkPassword } from './password-policy';

describe('checkPassword', () => {
  it('accepts a long passphrase of unrelated words', () => {
    const check = checkPassword('lantern-cactus-orbit-violin');
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.score).toBeGreaterThanOrEqual(PASSWORD_POLICY.minScore);
  });

  it('refuses passwords shorter than 8 or longer than 128 characters', () => {
    expect(checkPassword('a1!b2@c').problems).toContain('TOO_SHORT');
    expect(checkPassword('x'.repeat(129)).problems).toEqual(['TOO_LONG']);
    // Counted in characters, not bytes: 8 emoji are 8 characters.
    expect(checkPassword('😀😁😂🤣😃😄😅😆').problems).not.toContain('TOO_SHORT');
  });

  it('refuses the most common passwords', () => {
    for (const common of ['password123', 'qwertyuiop', 'iloveyou1', '123456789']) {
      const check = checkPassword(common);
      expect(check.ok).toBe(false);
      expect(check.problems).toContain('COMMON_PASSWORD');
    }
  });

  it('refuses a password built on the email or name', () => {
    const check = checkPassword('martinezsophie', ['sophie.martinez@example.com', 'Sophie Martinez']);
    expect(check.ok).toBe(false);
    expect(check.problems).toContain('CONTAINS_PERSONAL_INFO');
  });

  it('explains weak passwords', () => {
    const check = checkPassword('abcdefgh1');
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
  });
});
