export { SignInPage, RegisterPage, SessionsPage } from './lazyPages';
export { AccountMenu } from './lib/components/AccountMenu';
export { RequireAuth } from './lib/components/RequireAuth';
