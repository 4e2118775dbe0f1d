import { Rbac1764200000000 } from './1764200000000-rbac';

export const rbacMigrations = [Rbac1764200000000];
