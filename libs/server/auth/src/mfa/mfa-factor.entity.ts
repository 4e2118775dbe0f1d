import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

export type MfaFactorKind = 'totp' | 'sms';

// pg returns bigint as a string; time-steps (~6e7 today) are far below 2^53.
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A second factor of a user: a TOTP authenticator (secret encrypted at rest) or an SMS phone. */
@Entity({ name: 'mfa_factors' })
export class MfaFactor {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  kind!: MfaFactorKind;

  /** SecretBox-sealed TOTP secret (never selected unless asked for). */
  @Column({ name: 'secret_encrypted', type: 'bytea', nullable: true, select: false })
  secretEncrypted!: Buffer | null;

  @Column({ name: 'phone_e164', type: 'text', nullable: true })
  phoneE164!: string | null;

  /** Null while enrolment is pending. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** Highest TOTP time-step accepted so far (each step is accepted once). */
  @Column({ name: 'last_accepted_step', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  lastAcceptedStep!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
