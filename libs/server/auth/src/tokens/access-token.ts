import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { AppConfig, AuthContext } from '@pa/server-core';
import { AuthErrorCode, authError } from '../auth.errors';

type TokenConfig = Pick<AppConfig, 'JWT_SECRET' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'ACCESS_TOKEN_TTL_SECONDS'>;

// Only this algorithm is accepted: `none`, RS/ES (key confusion) and other HMAC sizes are refused.
const ALGORITHM = 'HS256';
// RFC 9068 access-token type: a refresh token or an ID token can never pass as an access token.
const TYPE = 'at+jwt';
// Clock skew allowed between the instances that sign and verify.
const SKEW_SECONDS = 5;

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

const keys = new WeakMap<TokenConfig, Uint8Array>();
const keyOf = (config: TokenConfig) => {
  let key = keys.get(config);
  if (!key) {
    key = new TextEncoder().encode(config.JWT_SECRET);
    keys.set(config, key);
  }
  return key;
};

/** Signs a short-lived access token for a session. */
export async function issueAccessToken(
  config: TokenConfig,
  auth: AuthContext,
  now = Date.now(),
): Promise<IssuedAccessToken> {
  const iat = Math.floor(now / 1000);
  const exp = iat + config.ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({
    sid: auth.sessionId,
    aal: auth.aal,
    auth_time: Math.floor(auth.authenticatedAt / 1000),
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: TYPE })
    .setSubject(auth.userId)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(keyOf(config));
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Verifies an access token: signature (HS256 only), `typ`, issuer, audience, expiry, and the claims
 * we need. Any problem is the same UNAUTHENTICATED error; the reason stays in the logs.
 */
export async function verifyAccessToken(
  config: TokenConfig,
  token: string,
  now = Date.now(),
): Promise<AuthContext> {
  try {
    const { payload } = await jwtVerify(token, keyOf(config), {
      algorithms: [ALGORITHM],
      typ: TYPE,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat', 'sid', 'aal'],
      currentDate: new Date(now),
      clockTolerance: SKEW_SECONDS,
    });
    const { sub, sid, aal, auth_time: authTime, iat, exp } = payload;
    const nowSeconds = Math.floor(now / 1000);
    // We never sign for longer than the configured lifetime, nor ahead of time: such a token was
    // forged with a leaked key or signed by a broken clock, and would outlive any key rotation.
    if (
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      iat > nowSeconds + SKEW_SECONDS ||
      exp > nowSeconds + config.ACCESS_TOKEN_TTL_SECONDS + SKEW_SECONDS ||
      exp - iat > config.ACCESS_TOKEN_TTL_SECONDS
    ) {
      throw new Error('lifetime out of bounds');
    }
    if (
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      (aal !== 'aal1' && aal !== 'aal2') ||
      typeof authTime !== 'number'
    ) {
      throw new Error('malformed claims');
    }
    return { userId: sub, sessionId: sid, aal, authenticatedAt: authTime * 1000 };
  } catch (err) {
    const reason =
      err instanceof joseErrors.JOSEError
        ? err.code
        : err instanceof Error
          ? err.message
          : 'malformed claims';
    throw authError(AuthErrorCode.UNAUTHENTICATED, undefined, {
      cause: new Error(`access token refused: ${reason}`),
    });
  }
}
