import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

// GraphQL enums over the stored lower-case values (like the other enums of this lib).
export enum ConsentKindEnum {
  TERMS = 'terms',
  PRIVACY = 'privacy',
  SMS = 'sms',
}
registerEnumType(ConsentKindEnum, {
  name: 'ConsentKind',
  description: 'What a consent is about: the terms of use, the privacy notice, or texts from the assistant.',
});

export enum ConsentSourceEnum {
  SIGN_UP = 'sign_up',
  PROMPT = 'prompt',
  SETTINGS = 'settings',
  NUMBER = 'number',
  MIGRATION = 'migration',
}
registerEnumType(ConsentSourceEnum, {
  name: 'ConsentSource',
  description:
    'Where it was given: the sign-up form, the screen asking again after a new version, Settings, getting a number, or recorded for people who had texts on before consents were kept.',
});

@ObjectType({ description: 'A document the product asks you to accept (or, for SMS, to agree to).' })
export class LegalDocument {
  @Field(() => ConsentKindEnum)
  kind!: ConsentKindEnum;

  @Field(() => String, { description: 'The current version.' })
  version!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Where the web app shows its text.' })
  path!: string;

  @Field(() => Boolean, { description: 'Needed to use the product (SMS is optional).' })
  required!: boolean;
}

@ObjectType({
  description: 'One consent you gave: which document, which version, when; and when you took it back.',
})
export class Consent {
  // For the shield: a consent is only ever its owner's.
  userId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => ConsentKindEnum)
  kind!: ConsentKindEnum;

  @Field(() => String)
  version!: string;

  @Field(() => Date)
  grantedAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => ConsentSourceEnum)
  source!: ConsentSourceEnum;

  @Field(() => Boolean, { description: 'Given for the current version of the document.' })
  current!: boolean;
}

@InputType({ description: 'A document you accept, at the version you were shown.' })
export class ConsentAcceptanceInput {
  @Field(() => ConsentKindEnum)
  kind!: ConsentKindEnum;

  @Field(() => String)
  version!: string;
}

@ObjectType({
  description:
    'How much conversation history your plan shows. Older messages are hidden, never deleted: upgrading shows them again, and your data export holds them.',
})
export class HistoryLimit {
  @Field(() => Int, { nullable: true, description: 'Days of history shown; null: all of it.' })
  days!: number | null;

  @Field(() => Int, { description: 'Your messages hidden now (older than the limit).' })
  hiddenMessages!: number;

  @Field(() => Int, { description: 'Your messages that will be hidden within `warningDays`.' })
  hidingSoon!: number;

  @Field(() => Int)
  warningDays!: number;
}
