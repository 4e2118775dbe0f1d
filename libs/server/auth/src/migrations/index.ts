import { Users1764100000000 } from './1764100000000-users';

/** Auth migrations, in order (other auth parts append theirs). */
export const authMigrations = [Users1764100000000];
