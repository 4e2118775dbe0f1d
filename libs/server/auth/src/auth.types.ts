import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from './users/user.entity';

export enum MfaMethodEnum {
  TOTP = 'TOTP',
  SMS = 'SMS',
  BACKUP_CODE = 'BACKUP_CODE',
}
registerEnumType(MfaMethodEnum, {
  name: 'MfaMethod',
  description: 'A second step that finishes signing in.',
});

export enum TokenTransport {
  COOKIE = 'COOKIE',
  BODY = 'BODY',
}
registerEnumType(TokenTransport, {
  name: 'TokenTransport',
  description:
    'Where the refresh token goes: an httpOnly cookie (browsers) or the response body (other clients).',
});

@InputType()
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris' })
  timeZone!: string;

  @Field(() => String, {
    description:
      'The version of the terms of use the person accepted: must be the current one (`legalDocuments`).',
  })
  acceptedTermsVersion!: string;

  @Field(() => String, {
    description: 'The version of the privacy notice the person accepted: must be the current one.',
  })
  acceptedPrivacyVersion!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'The person agrees to be texted by the assistant (optional; can be changed at any time).',
  })
  smsConsent!: boolean;

  @Field(() => TokenTransport, { defaultValue: TokenTransport.COOKIE })
  refreshTokenIn!: TokenTransport;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => TokenTransport, { defaultValue: TokenTransport.COOKIE })
  refreshTokenIn!: TokenTransport;
}

@ObjectType({
  description: 'A signed-in session: a short-lived access token, and a refresh token to renew it.',
})
export class AuthPayload {
  @Field(() => User)
  user!: User;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => String, {
    description: 'Send as `Authorization: Bearer <token>`; also in `connection_init` as `{ authorization }`.',
  })
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Only with refreshTokenIn: BODY; otherwise it is in an httpOnly cookie.',
  })
  refreshToken!: string | null;

  @Field(() => Date)
  refreshTokenExpiresAt!: Date;

  @Field(() => Boolean, {
    description:
      'True when the account has a second factor still to verify (verifyMfa); until then the session can do nothing else.',
  })
  mfaRequired!: boolean;

  @Field(() => [MfaMethodEnum], { description: 'The methods verifyMfa accepts for this account.' })
  mfaMethods!: MfaMethodEnum[];

  @Field(() => Date, { nullable: true, description: 'When the pending second-factor challenge expires.' })
  mfaExpiresAt!: Date | null;
}

@ObjectType({
  description: 'Scan the QR code (or type the secret) in an authenticator app, then confirm with a code.',
})
export class TotpEnrollmentPayload {
  @Field(() => String)
  otpauthUri!: string;

  @Field(() => String, { description: 'A PNG data URL of the otpauth URI.' })
  qrCodeDataUrl!: string;

  @Field(() => String, { description: 'The same secret in base32, for typing by hand.' })
  secret!: string;
}

@ObjectType({ description: 'Which second factors are on.' })
export class MfaStatus {
  @Field(() => Boolean)
  totpEnabled!: boolean;
  @Field(() => Int)
  backupCodesRemaining!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The phone used for SMS sign-in codes, partly hidden (+33 •••• 78).',
  })
  smsPhone!: string | null;
}

@ObjectType({ description: 'A device signed in to your account.' })
export class SessionInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  device!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  lastSeenAt!: Date;

  @Field(() => Boolean, { description: 'The session making this request.' })
  current!: boolean;
}
