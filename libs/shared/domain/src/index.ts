export * from './product';
export * from './password-policy';
export * from './phone';
export * from './access';
export * from './profile';
export * from './conversations';
export * from './sms-text';
export * from './reminders';
