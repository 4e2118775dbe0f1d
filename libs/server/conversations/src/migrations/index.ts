import { Conversations1764400000000 } from './1764400000000-conversations';

export const conversationsMigrations = [Conversations1764400000000];
