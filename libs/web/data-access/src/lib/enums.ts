import { isRole, type Role as DomainRole } from '@pa/shared-domain/access';
import type { ConsentKind as DomainConsentKind } from '@pa/shared-domain/consent';
import type {
  AssistantTone as DomainAssistantTone,
  Locale as DomainLocale,
  ReminderChannel as DomainReminderChannel,
  SmsReplyLength as DomainSmsReplyLength,
} from '@pa/shared-domain/profile';
import type {
  AssistantTone,
  ConsentKind,
  Locale,
  ReminderChannel,
  Role,
  SmsReplyLength,
} from '../gql/lazy/graphql';

// The API's GraphQL enums are the shared domain's values in upper case. These checks fail the
// typecheck the day the two drift apart (a role or a channel added on one side only).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
/** Compile-time only: each API enum is the upper-case shared-domain list. */
export type EnumContract = [
  Holds<Same<Role, Uppercase<DomainRole>>>,
  Holds<Same<Locale, Uppercase<DomainLocale>>>,
  Holds<Same<ReminderChannel, Uppercase<DomainReminderChannel>>>,
  Holds<Same<AssistantTone, Uppercase<DomainAssistantTone>>>,
  Holds<Same<SmsReplyLength, Uppercase<DomainSmsReplyLength>>>,
  Holds<Same<ConsentKind, Uppercase<DomainConsentKind>>>,
];

/** A shared-domain value as the API's enum spells it ('in_app' → 'IN_APP'). */
export function toApiEnum<T extends string>(value: T): Uppercase<T> {
  // toUpperCase keeps exactly what Uppercase<T> describes.
  return value.toUpperCase() as Uppercase<T>;
}

/** An API enum value as the shared domain spells it, if it is one of `values`. */
export function fromApiEnum<T extends string>(value: string, values: readonly T[]): T | undefined {
  const lower = value.toLowerCase();
  return values.find((v) => v === lower);
}

/** The shared-domain role of an API role (unknown values count as the least one, 'user'). */
export function domainRoleOf(role: Role): DomainRole {
  const lower = role.toLowerCase();
  return isRole(lower) ? lower : 'user';
}
