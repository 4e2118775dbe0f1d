import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ name: 'users' })
@ObjectType({ description: 'A person using the assistant.' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  email!: string;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  @Field(() => String)
  displayName!: string;

  @Column({ name: 'time_zone', type: 'text' })
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris' })
  timeZone!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set while the account is turned off.' })
  disabledAt!: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  // Chosen avatar colour; the picture itself (avatar_image) is loaded only when asked for.
  @Column({ name: 'avatar_color', type: 'text', nullable: true })
  avatarColor!: string | null;

  @Column({ name: 'avatar_image_type', type: 'text', nullable: true })
  avatarImageType!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date)
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
