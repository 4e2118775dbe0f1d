import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PhoneNumberStatusEnum {
  PROVISIONING = 'provisioning',
  ACTIVE = 'active',
  SPARE = 'spare',
  RELEASED = 'released',
}
registerEnumType(PhoneNumberStatusEnum, {
  name: 'PhoneNumberStatus',
  description: 'provisioning: being bought; active: someone’s; spare: in the pool; released: given back.',
});

export enum UsageGroupingEnum {
  DAY = 'day',
  MONTH = 'month',
}
registerEnumType(UsageGroupingEnum, { name: 'UsageGrouping' });

@ObjectType({ description: 'Who holds a number (administrators only).' })
export class PhoneNumberOwner {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) email!: string;
}

@ObjectType({ description: 'The webhooks a number must have at Twilio, and what the last check found.' })
export class NumberWebhook {
  @Field(() => String) smsUrl!: string;
  @Field(() => String) statusCallbackUrl!: string;
  @Field(() => Date, { nullable: true }) lastCheckedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastDriftAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'What was wrong at the last drift.' })
  lastDrift!: string | null;
  @Field(() => Int) repairs!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
}

@ObjectType({ description: 'A dedicated phone number: texts to it reach its owner’s assistant.' })
export class PhoneNumber {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'E.164, e.g. +14155550100.' }) phoneNumber!: string;
  @Field(() => String) country!: string;
  @Field(() => PhoneNumberStatusEnum) status!: PhoneNumberStatusEnum;
  @Field(() => String, { description: 'Monthly rental, exact decimal.' }) monthlyCost!: string;
  @Field(() => String) currency!: string;
  @Field(() => Date) acquiredAt!: Date;
  @Field(() => Date, { nullable: true }) assignedAt!: Date | null;
  @Field(() => Date, { nullable: true }) releasedAt!: Date | null;
  /** Not a field: the shield's ownership check reads it. */
  userId!: string | null;
}

@ObjectType({ description: 'What a dedicated number costs, shown before one is claimed.' })
export class NumberPrice {
  @Field(() => String, { description: 'Monthly rental, exact decimal.' }) monthlyCost!: string;
  @Field(() => String, { description: 'ISO 4217, e.g. USD.' }) currency!: string;
}

@ObjectType({ description: 'A number you can claim.' })
export class AvailablePhoneNumber {
  @Field(() => String) phoneNumber!: string;
  @Field(() => String) friendlyName!: string;
  @Field(() => String, { nullable: true }) locality!: string | null;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String) country!: string;
  @Field(() => Boolean, { description: 'Already ours (the spare pool) rather than bought on claim.' })
  fromPool!: boolean;
}

@InputType()
export class ClaimPhoneNumberInput {
  @Field(() => String, {
    nullable: true,
    description: 'A number from availablePhoneNumbers; empty: the first available.',
  })
  phoneNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Two letters, e.g. US (default: the installation’s).' })
  country?: string | null;
  @Field(() => String, { nullable: true }) areaCode?: string | null;
}

@ObjectType({ description: 'Texts and costs over one period. Amounts are exact decimal strings.' })
export class SmsUsageFigures {
  @Field(() => String, { description: 'YYYY-MM-DD (by day) or YYYY-MM (by month); "total" for a range.' })
  period!: string;
  @Field(() => Int) inboundMessages!: number;
  @Field(() => Int) outboundMessages!: number;
  @Field(() => Int) inboundSegments!: number;
  @Field(() => Int) outboundSegments!: number;
  @Field(() => String) messageCost!: string;
  @Field(() => String) rentalCost!: string;
  @Field(() => String) totalCost!: string;
  @Field(() => Int, { description: 'Messages Twilio has not priced yet (not in the costs).' })
  unpricedMessages!: number;
}

@ObjectType()
export class SmsUsage {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => String) currency!: string;
  @Field(() => SmsUsageFigures) totals!: SmsUsageFigures;
  @Field(() => [SmsUsageFigures]) periods!: SmsUsageFigures[];
}

@ObjectType()
export class SmsUserUsage extends SmsUsageFigures {
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType()
export class SmsNumberUsage extends SmsUsageFigures {
  @Field(() => ID) numberId!: string;
  @Field(() => String) phoneNumber!: string;
  @Field(() => String) status!: string;
}

@ObjectType({ description: 'Platform SMS analytics (administrators).' })
export class SmsAnalytics extends SmsUsage {
  @Field(() => [SmsUserUsage]) topUsers!: SmsUserUsage[];
  @Field(() => [SmsNumberUsage]) perNumber!: SmsNumberUsage[];
}

@ObjectType()
export class PhoneNumberPage {
  @Field(() => [PhoneNumber]) items!: PhoneNumber[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'What a webhook check did.' })
export class WebhookCheckReport {
  @Field(() => Int) checked!: number;
  @Field(() => Int) drifted!: number;
  @Field(() => Int) repaired!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) adopted!: number;
  @Field(() => Int) abandoned!: number;
}
