import { registerEnumType } from 'type-graphql';

// GraphQL enums over the shared domain's lower-case values (the API stores and the web reads those).
export enum RoleEnum {
  USER = 'user',
  PREMIUM = 'premium',
  ADMINISTRATOR = 'administrator',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'user < premium < administrator; each has all of the one before.',
});

export enum UserStatusEnum {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}
registerEnumType(UserStatusEnum, { name: 'UserStatus' });

export enum LocaleEnum {
  EN = 'en',
  FR = 'fr',
}
registerEnumType(LocaleEnum, { name: 'Locale' });

export enum ReminderChannelEnum {
  IN_APP = 'in_app',
  PUSH = 'push',
  SMS = 'sms',
  EMAIL = 'email',
}
registerEnumType(ReminderChannelEnum, { name: 'ReminderChannel' });

export enum AssistantToneEnum {
  GENTLE = 'gentle',
  DIRECT = 'direct',
}
registerEnumType(AssistantToneEnum, { name: 'AssistantTone' });

export enum SmsReplyLengthEnum {
  SHORT = 'short',
  STANDARD = 'standard',
  LONG = 'long',
}
registerEnumType(SmsReplyLengthEnum, {
  name: 'SmsReplyLength',
  description: 'SHORT fits one SMS (160 characters), STANDARD two, LONG four.',
});
