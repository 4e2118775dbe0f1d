import { Assistant1764500000000 } from './1764500000000-assistant';
import { TaskClientIds1764500001000 } from './1764500001000-task-client-ids';

export const assistantMigrations = [Assistant1764500000000, TaskClientIds1764500001000];
