import 'reflect-metadata';
import { createDataSource, loadConfig } from '@pa/server-core';
import { apiParts } from './app/parts';

// For the TypeORM CLI (npm run db:generate): the same DataSource the API uses, on DATABASE_URL.
const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required to generate migrations');

export default createDataSource(config.DATABASE_URL, config, apiParts, 'pa-typeorm-cli');
