/**
 * The notifier `gongkai serve` runs with, from the environment (src/config.ts): e-mail when GONGKAI_SMTP_URL is
 * set, SMS when GONGKAI_SMS_PROVIDER is; neither by default, and then nothing is sent.
 */
import type { Clock } from '../clock.ts';
import type { NotifyConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { NotificationEvent } from '../db/schema/notifications.ts';
import { smtpMailer } from './mailer.ts';
import { createNotifier, type Notifier } from './notifier.ts';
import { parseQuietHours } from './quiet-hours.ts';
import { aliyunSms } from './sms.ts';

export function notifierFromConfig(
  cfg: NotifyConfig,
  deps: { db: Db; clock: Clock; publicOrigin: string; log?: (e: unknown) => void },
): Notifier {
  return createNotifier({
    db: deps.db,
    clock: deps.clock,
    mail: cfg.smtpUrl ? smtpMailer(cfg.smtpUrl, cfg.mailFrom) : null,
    sms: cfg.sms
      ? aliyunSms(
          {
            accessKeyId: cfg.sms.accessKeyId,
            accessKeySecret: cfg.sms.accessKeySecret,
            signName: cfg.sms.signName,
            endpoint: cfg.sms.endpoint,
          },
          () => deps.clock.now(),
        )
      : null,
    smsTemplateCodes: cfg.sms?.templateCodes as Partial<Record<NotificationEvent, string>> | undefined,
    quietHours: cfg.quietHours === 'none' ? null : parseQuietHours(cfg.quietHours),
    trackUrl: (code) => `${deps.publicOrigin}/track?code=${code}`,
    log: deps.log,
  });
}
