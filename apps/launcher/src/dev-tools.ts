import type { AppConfig, Logger } from '@pa/server-core';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startTwilioSandbox, type TwilioSandbox } from '@pa/twilio-sandbox';
import { startPushSandbox, type PushSandbox } from '@pa/push-sandbox';

export interface DevTools {
  /** The config with SMTP_URL / TWILIO_API_BASE_URL pointing at the local tools started here. */
  config: AppConfig;
  catcher?: SmtpCatcher;
  sandbox?: TwilioSandbox;
  /** The push service stand-in (subscriptions made there receive decrypted pushes; browsers use their own). */
  pushSandbox?: PushSandbox;
  stop(): Promise<void>;
}

const isAddressInUse = (err: unknown) => (err as { code?: string }).code === 'EADDRINUSE';

/**
 * Outside production, when no real SMTP server or Twilio is configured, starts the local mail catcher
 * and Twilio sandbox (on their usual ports, or free ones when taken), so emails and texts can be read.
 */
export async function startDevTools(config: AppConfig, logger: Logger): Promise<DevTools> {
  if (config.NODE_ENV === 'production') return { config, stop: async () => undefined };
  let next = config;
  let catcher: SmtpCatcher | undefined;
  let sandbox: TwilioSandbox | undefined;
  let pushSandbox: PushSandbox | undefined;
  try {
    if (!config.SMTP_URL) {
      const options = { smtpPort: config.DEV_MAIL_SMTP_PORT, httpPort: config.DEV_MAIL_HTTP_PORT };
      catcher = await startSmtpCatcher(options).catch((err: unknown) => {
        if (!isAddressInUse(err)) throw err;
        return startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
      });
      next = { ...next, SMTP_URL: catcher.smtpUrl };
    }
    if (!config.TWILIO_API_BASE_URL) {
      const options = { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN };
      sandbox = await startTwilioSandbox({ ...options, port: config.DEV_TWILIO_SANDBOX_PORT }).catch(
        (err: unknown) => {
          if (!isAddressInUse(err)) throw err;
          return startTwilioSandbox({ ...options, port: 0 });
        },
      );
      next = { ...next, TWILIO_API_BASE_URL: sandbox.url };
    }
    pushSandbox = await startPushSandbox({ port: config.DEV_PUSH_SANDBOX_PORT }).catch((err: unknown) => {
      if (!isAddressInUse(err)) throw err;
      return startPushSandbox({ port: 0 });
    });
  } catch (err) {
    await pushSandbox?.stop();
    await sandbox?.stop();
    await catcher?.stop();
    throw err;
  }
  logger.info(
    { mails: catcher?.httpUrl, texts: sandbox ? `${sandbox.url}/sandbox/messages` : undefined },
    'development tools started',
  );
  return {
    config: next,
    ...(catcher ? { catcher } : {}),
    ...(sandbox ? { sandbox } : {}),
    ...(pushSandbox ? { pushSandbox } : {}),
    async stop() {
      await pushSandbox?.stop();
      await sandbox?.stop();
      await catcher?.stop();
    },
  };
}
