/** Payload of the `heartbeat` topic (JSON over Redis: dates as ISO strings). */
export interface HeartbeatPayload {
  instanceId: string;
  at: string;
  uptimeSeconds: number;
}

declare module '../pubsub/pubsub' {
  interface Topics {
    heartbeat: HeartbeatPayload;
  }
}
