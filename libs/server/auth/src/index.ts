export { User } from './users/user.entity';
export { authMigrations } from './migrations';
