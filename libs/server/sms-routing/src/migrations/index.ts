import { Sms1764600000000 } from './1764600000000-sms';

export const smsMigrations = [Sms1764600000000];
