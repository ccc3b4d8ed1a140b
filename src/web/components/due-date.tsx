/** @jsxImportSource hono/jsx */
/**
 * A due date as every page shows it: the date, and 暂定 when it reaches into a year whose holiday notice is
 * not entered yet (counted on the statutory holidays without 调休; law-and-formats.md §6.4).
 */
export const PROVISIONAL_TITLE = '该年度的节假日安排尚未发布，期限按法定节假日暂定计算，发布后重新计算';

export const DueDate = (props: { on: string; provisional?: boolean }) => (
  <>
    {props.on}
    {props.provisional ? (
      <>
        {' '}
        <span class="tag provisional" title={PROVISIONAL_TITLE}>
          暂定
        </span>
      </>
    ) : null}
  </>
);
