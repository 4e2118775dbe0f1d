import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { isAuthenticated } from '@pa/server-auth';
import { isOwnerOr } from '../rbac.rules';

// Tokens are managed from a signed-in session only (isAuthenticated refuses a token): a token can
// neither see nor mint others, so it can never widen itself.
export const tokenRules: RuleMap = {
  Query: { personalAccessTokens: isAuthenticated, tokenScopes: isAuthenticated },
  Mutation: { createPersonalAccessToken: isAuthenticated, revokePersonalAccessToken: isAuthenticated },
  PersonalAccessToken: isOwnerOr('user:manage:any', 'personal_access_token'),
  // Only ever returned to the person who just made the token.
  CreatedPersonalAccessToken: isAuthenticated,
  TokenScopes: isAuthenticated,
  TokenScopePreset: allow,
};
