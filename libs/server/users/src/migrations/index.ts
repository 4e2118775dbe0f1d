import { ProfilePreferences1764300000000 } from './1764300000000-profile-preferences';

export const usersMigrations = [ProfilePreferences1764300000000];
