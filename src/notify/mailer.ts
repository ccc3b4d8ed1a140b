/**
 * E-mail to applicants over SMTP (nodemailer). The server is named by one URL (GONGKAI_SMTP_URL, e.g.
 * smtps://user:password@smtp.example.gov.cn:465); the sender by GONGKAI_MAIL_FROM. Timeouts are short: a
 * message that cannot go is recorded as failed, never holding up the office's work.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves with the message's Message-ID; rejects with the server's reason. */
  send(message: MailMessage): Promise<string>;
  close(): void;
}

/** smtp://host:25, smtp://user:pass@host:587 (STARTTLS when offered), smtps://host:465 (TLS from the start). */
export function smtpOptions(url: string) {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`邮件服务器地址应以 smtp:// 或 smtps:// 开头：${url}`);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 25)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpOptions(url));
  return {
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      return String(info.messageId ?? '');
    },
    close: () => transport.close(),
  };
}
