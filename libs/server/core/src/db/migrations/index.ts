import { SystemInfo1764000000000 } from './1764000000000-system-info';

/** Core migrations, in order. */
export const coreMigrations = [SystemInfo1764000000000];
