export { ExpressionEngine, defaultScopeNames, isTruthy } from "./expression-engine";
export { ExpressionError, problemText, type ExpressionErrorKind, type ExpressionProblem } from "./errors";
export { defaultOptions, shanghaiToday, type ExpressionOptions } from "./options";
export { helperNames } from "./helper-library";
export type { JsonValue } from "./values";
export { isResidentId, parseResidentId, residentIdCheckCharacter } from "./helpers/resident-id";
export { isEmailAddress, isMainlandMobile } from "./helpers/text-functions";
export { chinaMainland, WorkingDayCalendar } from "./helpers/working-day-calendar";
