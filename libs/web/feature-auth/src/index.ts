export {
  SignInPage,
  RegisterPage,
  SessionsPage,
  MfaChallengePage,
  SecurityPage,
  VerifyEmailPage,
  ForgotPasswordPage,
  ResetPasswordPage,
} from './lazyPages';
export { AccountMenu } from './lib/components/AccountMenu';
export { EmailVerificationBanner } from './lib/components/EmailVerificationBanner';
export { RequireAuth } from './lib/components/RequireAuth';
