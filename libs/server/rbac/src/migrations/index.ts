import { Rbac1764200000000 } from './1764200000000-rbac';
import { PersonalAccessTokens1765240000000 } from './1765240000000-personal-access-tokens';

export const rbacMigrations = [Rbac1764200000000, PersonalAccessTokens1765240000000];
