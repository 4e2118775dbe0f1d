export * from './product';
export * from './password-policy';
export * from './phone';
