import { SignJWT } from 'jose';
import { ACTION_TOKEN_TTL_SECONDS, ActionTokens } from './action-token';

const SECRET = 'a-long-enough-jwt-secret-for-the-action-tokens';
const grant = {
  userId: 'b6f0c2a4-0000-4000-8000-000000000001',
  reminderId: 'b6f0c2a4-0000-4000-8000-000000000002',
  occurrenceDueAt: new Date('2026-12-06T07:00:00Z'),
};

describe('ActionTokens', () => {
  it('verifies what it minted, many times over one imported key', async () => {
    const tokens = new ActionTokens(SECRET, 'pa');
    const minted = await Promise.all(Array.from({ length: 50 }, () => tokens.mint(grant)));
    for (const token of minted) expect(await tokens.verify(token)).toEqual(grant);
  });

  it('refuses a token from another secret, issuer, or one tampered with', async () => {
    const token = await new ActionTokens(SECRET, 'pa').mint(grant);
    expect(await new ActionTokens(`${SECRET}-rotated`, 'pa').verify(token)).toBeNull();
    expect(await new ActionTokens(SECRET, 'other').verify(token)).toBeNull();
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as { rid: string };
    const forged = Buffer.from(JSON.stringify({ ...claims, rid: 'someone-else' })).toString('base64url');
    expect(await new ActionTokens(SECRET, 'pa').verify(`${h}.${forged}.${s}`)).toBeNull();
  });

  it('refuses an access token signed with the raw secret, and an expired token', async () => {
    const raw = await new SignJWT({ rid: grant.reminderId, occ: grant.occurrenceDueAt.getTime() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.userId)
      .setAudience('reminder-action')
      .setIssuer('pa')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await new ActionTokens(SECRET, 'pa').verify(raw)).toBeNull();
    let now = new Date('2026-12-06T07:00:00Z');
    const tokens = new ActionTokens(SECRET, 'pa', () => now);
    const token = await tokens.mint(grant);
    now = new Date(now.getTime() + (ACTION_TOKEN_TTL_SECONDS + 60) * 1000);
    expect(await tokens.verify(token)).toBeNull();
  });
});
