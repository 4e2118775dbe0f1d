import { ProfilePreferences1764300000000 } from './1764300000000-profile-preferences';
import { Privacy1765220000000 } from './1765220000000-privacy';
import { DataExports1765220001000 } from './1765220001000-data-exports';
import { DayRules1796537537159 } from './1796537537159-day-rules';
import { Consents1796537602231 } from './1796537602231-consents';

export const usersMigrations = [
  ProfilePreferences1764300000000,
  Privacy1765220000000,
  DataExports1765220001000,
  DayRules1796537537159,
  Consents1796537602231,
];
