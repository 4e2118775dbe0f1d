import { allow } from 'graphql-shield';
import type { RuleMap } from '../graphql/shield';

/** Server status is public: it tells whether the service is up, nothing about any user. */
export const statusRules: RuleMap = {
  Query: { serverStatus: allow, systemInfo: allow },
  Subscription: { heartbeat: allow },
  ServerStatus: allow,
  DependencyStatus: allow,
  Heartbeat: allow,
  SystemInfo: allow,
};
