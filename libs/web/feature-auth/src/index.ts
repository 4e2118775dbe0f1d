export {
  SignInPage,
  RegisterPage,
  SessionsPage,
  MfaChallengePage,
  SecurityPage,
  VerifyEmailPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  LegalPage,
} from './lazyPages';
export { AccountMenu } from './lib/components/AccountMenu';
export { EmailVerificationBanner } from './lib/components/EmailVerificationBanner';
export { RequireAuth } from './lib/components/RequireAuth';
export { ConsentGate } from './lib/components/ConsentGate';
export { versionLabel } from './lib/legal/versionLabel';
