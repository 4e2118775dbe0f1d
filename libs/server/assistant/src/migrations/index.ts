import { Assistant1764500000000 } from './1764500000000-assistant';

export const assistantMigrations = [Assistant1764500000000];
