/**
 * 送达 records of a case (actions/record-delivery.ts): the method names shown in the console and on the
 * tracking page, and the list.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseDeliveries, type DeliveryMethod } from '../db/schema/cases.ts';

export const DELIVERY_METHOD_NAMES: Record<DeliveryMethod, string> = {
  ems: '邮政特快专递（EMS）',
  registered_mail: '挂号信',
  in_person: '当面领取',
  email: '电子邮件',
  online: '网上答复',
  fax: '传真',
};

/** A case's deliveries, oldest first. */
export function listDeliveries(db: Executor, caseId: number) {
  return db.select().from(caseDeliveries).where(eq(caseDeliveries.caseId, caseId)).orderBy(asc(caseDeliveries.id));
}
