export { type CalendarChange, type CalendarChangedHook, onCalendarChanged } from './hooks.ts';
export {
  type CalendarWarning,
  calendarWarnings,
  listCalendarYears,
  loadCalendar,
  saveCalendarYear,
  seedCalendar,
} from './store.ts';
export { calendarYearProblems, calendarYearSchema, parseCalendarYear } from './validate.ts';
