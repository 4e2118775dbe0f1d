import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwnerOr } from '@pa/server-rbac';

const readOwn = hasPermission('sms_number:read:own');
const provision = hasPermission('sms_number:provision:own');
const usage = hasPermission('sms_usage:read:own');
const manage = hasPermission('sms_number:manage:any', { auditAllowed: true });
const manageRead = hasPermission('sms_number:manage:any');
const analytics = hasPermission('analytics:read:any', { auditAllowed: true });
const analyticsRead = hasPermission('analytics:read:any');

export const smsRules: RuleMap = {
  Query: {
    myPhoneNumbers: readOwn,
    availablePhoneNumbers: provision,
    phoneNumberPrice: provision,
    mySmsUsage: usage,
    // Browsing lists and charts is not recorded when allowed (page views would fill the trail);
    // changes and the CSV export of everyone's usage are.
    phoneNumbers: manageRead,
    smsAnalytics: analyticsRead,
    smsUsageCsv: analytics,
  },
  Mutation: {
    claimPhoneNumber: provision,
    releasePhoneNumber: provision,
    addPoolPhoneNumber: manage,
    reassignPhoneNumber: manage,
    unassignPhoneNumber: manage,
    releasePhoneNumberToTwilio: manage,
    checkPhoneNumberWebhooks: manage,
  },
  PhoneNumber: {
    '*': isOwnerOr('sms_number:manage:any', 'sms_number'),
    owner: manageRead,
    webhook: manageRead,
  },
  PhoneNumberOwner: manageRead,
  NumberWebhook: manageRead,
  // Numbers on sale: public facts about Twilio's stock, shown to whoever may claim one.
  AvailablePhoneNumber: provision,
  // The rental price, shown before anything is bought.
  NumberPrice: provision,
  // A person's own usage report (the query is scoped); administrators' analytics types below.
  SmsUsage: usage,
  SmsUsageFigures: usage,
  SmsAnalytics: analyticsRead,
  SmsUserUsage: analyticsRead,
  SmsNumberUsage: analyticsRead,
  PhoneNumberPage: manageRead,
  WebhookCheckReport: manageRead,
};
