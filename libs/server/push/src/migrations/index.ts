import { PushSubscriptions1764700001000 } from './1764700001000-push-subscriptions';

export const pushMigrations = [PushSubscriptions1764700001000];
