/**
 * What the applicant is told, and when: at receipt (with the 查询码), when asked for 补正 (saying what to
 * correct, 条例第三十条), when the period is extended (第三十三条第二款), with a fee notice (第四十二条) and with the
 * reply (第三十六条). Each message has a built-in wording here; an agency may keep its own (kind
 * `notice.<channel>.<event>` in case_document_templates, edited on the console's 发送记录 page). Placeholders
 * are written {{名称}} as in the letters (src/cases/documents/templates.ts fills them).
 * An SMS provider that only sends templates it approved beforehand (阿里云短信) gets the template code kept
 * as the SMS template's title and the placeholders' values as its parameters.
 */
import type { NotificationChannel, NotificationEvent } from '../db/schema/notifications.ts';

export const NOTICE_PLACEHOLDERS = [
  '申请人',
  '受理机关',
  '查询码',
  '收到日期',
  '申请内容',
  '答复期限',
  '补正事项',
  '补正期限',
  '费用',
  '缴费期限',
  '答复结果',
  '查询地址',
] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

export const EVENT_NAMES: Record<NotificationEvent, string> = {
  received: '收到申请',
  correction: '告知补正',
  extension: '延长答复期限',
  fee: '收费通知',
  reply: '答复',
};

export const CHANNEL_NAMES: Record<NotificationChannel, string> = { email: '电子邮件', sms: '短信' };

export interface NoticeTemplate {
  /** The e-mail's subject; for SMS, the provider's template code (阿里云 TemplateCode), if it needs one. */
  title: string;
  body: string;
}

const SIGN = '\n\n{{受理机关}}\n（本邮件由系统自动发送，请勿直接回复。）';

export const DEFAULT_NOTICES: Record<NotificationChannel, Record<NotificationEvent, NoticeTemplate>> = {
  email: {
    received: {
      title: '您的政府信息公开申请已收到（查询码 {{查询码}}）',
      body: `{{申请人}}：\n\n{{受理机关}}已于{{收到日期}}收到您的政府信息公开申请（{{申请内容}}）。\n查询码：{{查询码}}\n答复期限：{{答复期限}}\n\n请妥善保存查询码，可在 {{查询地址}} 查询办理进度。${SIGN}`,
    },
    correction: {
      title: '请补正您的政府信息公开申请（查询码 {{查询码}}）',
      body: `{{申请人}}：\n\n您于{{收到日期}}提出的政府信息公开申请（{{申请内容}}）需要补正，请在{{补正期限}}前补正以下内容：\n\n{{补正事项}}\n\n逾期无正当理由不补正的，视为放弃申请（《中华人民共和国政府信息公开条例》第三十条）。办理进度：{{查询地址}}${SIGN}`,
    },
    extension: {
      title: '您的政府信息公开申请答复期限已延长（查询码 {{查询码}}）',
      body: `{{申请人}}：\n\n您于{{收到日期}}提出的政府信息公开申请（{{申请内容}}）需要延长答复期限，延长后的答复期限为{{答复期限}}（《中华人民共和国政府信息公开条例》第三十三条第二款）。办理进度：{{查询地址}}${SIGN}`,
    },
    fee: {
      title: '政府信息公开信息处理费缴纳通知（查询码 {{查询码}}）',
      body: `{{申请人}}：\n\n您于{{收到日期}}提出的政府信息公开申请（{{申请内容}}）需缴纳信息处理费{{费用}}元，请于{{缴费期限}}前缴纳。逾期未缴纳的，视为放弃申请（《政府信息公开信息处理费管理办法》）。办理进度：{{查询地址}}${SIGN}`,
    },
    reply: {
      title: '您的政府信息公开申请已答复（查询码 {{查询码}}）',
      body: `{{申请人}}：\n\n您于{{收到日期}}提出的政府信息公开申请（{{申请内容}}）已答复：{{答复结果}}。\n答复书可在 {{查询地址}} 查看。${SIGN}`,
    },
  },
  sms: {
    received: {
      title: '',
      body: '【{{受理机关}}】已收到您的政府信息公开申请，查询码{{查询码}}，答复期限{{答复期限}}。',
    },
    correction: {
      title: '',
      body: '【{{受理机关}}】您的政府信息公开申请（查询码{{查询码}}）需补正，请于{{补正期限}}前补正，详见查询页面。',
    },
    extension: {
      title: '',
      body: '【{{受理机关}}】您的政府信息公开申请（查询码{{查询码}}）答复期限延长至{{答复期限}}。',
    },
    fee: {
      title: '',
      body: '【{{受理机关}}】您的政府信息公开申请（查询码{{查询码}}）需缴纳信息处理费{{费用}}元，请于{{缴费期限}}前缴纳。',
    },
    reply: {
      title: '',
      body: '【{{受理机关}}】您的政府信息公开申请（查询码{{查询码}}）已答复：{{答复结果}}。',
    },
  },
};

export const noticeKind = (channel: NotificationChannel, event: NotificationEvent) => `notice.${channel}.${event}`;
