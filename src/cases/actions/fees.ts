/**
 * Re-exports for existing callers; each action lives in its own file.
 *
 * 信息处理费 (条例第四十二条, 《政府信息公开信息处理费管理办法》): a fee notice within the answer period;
 * payment within 20 working days of the notice, else the application is deemed withdrawn (其他处理 2).
 */

export { lapseFee } from './lapse-fee.ts';
export { recordPayment } from './record-payment.ts';
export { sendFeeNotice } from './send-fee-notice.ts';
