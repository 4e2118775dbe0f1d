import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'personal_access_tokens' })
@ObjectType({
  description:
    'A personal access token: lets a script act for you within its scopes (`Authorization: Bearer pat_…`). The secret itself is shown once, at creation.',
})
export class PersonalAccessToken {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The token’s id (not the secret).' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'What it is for, e.g. "calendar sync".' })
  name!: string;

  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash!: string;

  @Column({ type: 'text' })
  @Field(() => String, {
    description: 'The first characters of the secret, to recognise it (e.g. pat_AbC1…).',
  })
  hint!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The permissions it carries (never more than your role holds).' })
  scopes!: string[];

  @Column({ name: 'expires_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When it stops working.' })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When it was last used (updated at most once a minute).',
  })
  lastUsedAt!: Date | null;

  @Column({ name: 'last_used_ip', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The address it was last used from.' })
  lastUsedIp!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set once revoked: it works no more.' })
  revokedAt!: Date | null;
}
