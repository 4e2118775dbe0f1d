import { DataSource, type EntityManager } from 'typeorm';

/** The services run on a DataSource or inside a caller's transaction (its EntityManager). */
export type Db = DataSource | EntityManager;

export const managerOf = (db: Db): EntityManager => (db instanceof DataSource ? db.manager : db);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can match no row: answer "no" without asking PostgreSQL (which would raise 22P02). */
export const isUuid = (value: string): boolean => UUID.test(value);
