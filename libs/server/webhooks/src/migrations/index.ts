import { Webhooks1796537542348 } from './1796537542348-webhooks';

export const webhooksMigrations = [Webhooks1796537542348];
