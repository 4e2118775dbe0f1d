import type { ReminderPush } from './reminder-pushes';

/** The channels a reminder can go out on besides the app itself (the worker wires push and SMS here). */
export interface ReminderChannelPorts {
  push?: {
    /** Sends each push to every device of its person; the devices reached per push, in order. */
    sendToPeople(pushes: ReminderPush[]): Promise<number[]>;
    /** Encrypts pushes before they are due (until `until`, ms): sent later, they are only posted. */
    prepare?(pushes: ReminderPush[], until?: number): Promise<number>;
    deviceCount(userId: string): Promise<number>;
  };
  /** SMS: who can be texted (a number and a confirmed phone), and a text to a person once per key. */
  text?: {
    textable(userIds: string[]): Promise<Set<string>>;
    /** False when the person cannot be texted after all. */
    send(userId: string, key: string, body: string, messageId: string | null): Promise<boolean>;
  };
}

/** Lateness observer (metrics): seconds between due and the delivery leaving, per channel. */
export type LatenessObserver = (channel: string, seconds: number) => void;
