import { Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { appVersion } from '../version';
import { CoreErrorCode, coreError } from '../errors/app-error';
import { SystemInfo } from './system-info.entity';
import { Heartbeat, ServerStatus } from './status.types';
import type { HeartbeatPayload } from './status.topics';
import './status.topics';

@Resolver()
export class StatusResolver {
  @Query(() => ServerStatus, { description: 'Live status of the API, its database and Redis.' })
  async serverStatus(@Ctx() { runtime }: GraphQLContext): Promise<ServerStatus> {
    const [database, redis] = await Promise.all([runtime.checkDatabase(), runtime.checkRedis()]);
    let system: SystemInfo | null = null;
    if (database.ok) {
      system = await runtime.dataSource
        .getRepository(SystemInfo)
        .findOne({ where: {}, order: { createdAt: 'ASC' } });
    }
    if (!system) throw coreError(CoreErrorCode.SERVICE_UNAVAILABLE);
    return {
      version: appVersion(),
      environment: runtime.config.NODE_ENV,
      instanceId: runtime.instanceId,
      startedAt: runtime.startedAt,
      uptimeSeconds: uptime(runtime.startedAt),
      database: { ok: database.ok, latencyMs: database.latencyMs, mode: runtime.databaseMode },
      redis: { ok: redis.ok, latencyMs: redis.latencyMs, mode: runtime.redisMode },
      system,
    };
  }

  @Query(() => SystemInfo, { description: 'This installation: one row read from PostgreSQL.' })
  async systemInfo(@Ctx() { runtime }: GraphQLContext): Promise<SystemInfo> {
    const info = await runtime.dataSource
      .getRepository(SystemInfo)
      .findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!info) throw coreError(CoreErrorCode.SERVICE_UNAVAILABLE);
    return info;
  }

  @Subscription(() => Heartbeat, { topics: 'heartbeat', description: 'A beat from every API instance.' })
  heartbeat(@Root() beat: HeartbeatPayload): Heartbeat {
    return { instanceId: beat.instanceId, at: new Date(beat.at), uptimeSeconds: beat.uptimeSeconds };
  }
}

export function uptime(startedAt: Date): number {
  return Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
}

/** Publishes this instance's heartbeat every interval; returns the stop function. */
export function startHeartbeat(
  runtime: Pick<GraphQLContext['runtime'], 'pubSub' | 'instanceId' | 'startedAt' | 'config'>,
): () => void {
  const beat = () =>
    runtime.pubSub.publish('heartbeat', {
      instanceId: runtime.instanceId,
      at: new Date().toISOString(),
      uptimeSeconds: uptime(runtime.startedAt),
    });
  const timer = setInterval(beat, runtime.config.HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
