import { Field, InputType, ObjectType } from 'type-graphql';
import { MfaMethodEnum } from '@pa/server-auth';

@InputType({ description: 'Proof that you are you: your password, and a code when you have a second step.' })
export class ConfirmIdentityInput {
  @Field(() => String)
  password!: string;

  @Field(() => MfaMethodEnum, { nullable: true, description: 'Needed when your account has a second step.' })
  mfaMethod?: MfaMethodEnum | null;

  @Field(() => String, { nullable: true })
  mfaCode?: string | null;
}

@ObjectType({ description: 'Your account is set to be deleted: when, and until when you can stop it.' })
export class AccountDeletionRequest {
  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { description: 'When everything goes. Signing in or cancelling before stops it.' })
  dueAt!: Date;
}
