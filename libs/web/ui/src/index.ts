// Presentational building blocks shared by the web features: no data access, no routes.
export { TextField } from './lib/components/TextField';
export { SelectField, type SelectOption } from './lib/components/SelectField';
export { RadioGroup, CheckboxGroup, type ChoiceOption } from './lib/components/ChoiceGroup';
export { TimeZoneSelect } from './lib/components/TimeZoneSelect';
export { FormAlert } from './lib/components/FormAlert';
export { StatusNotice } from './lib/components/StatusNotice';
export { ActionNotice } from './lib/components/ActionNotice';
export { ConfirmDialog } from './lib/components/ConfirmDialog';
export { Avatar, type AvatarProps } from './lib/components/Avatar';
export { Pager } from './lib/components/Pager';
export { usePageHeading } from './lib/hooks/usePageHeading';
export { useNow } from './lib/hooks/useNow';
export {
  describeWait,
  fieldMessagesOf,
  friendlyErrorFrom,
  type ErrorLike,
  type FriendlyError,
  type MessageTable,
} from './lib/logic/friendlyError';
export { browserTimeZone, groupTimeZones, supportedTimeZones, timeZoneLabel } from './lib/logic/timeZones';
export { relativeTime } from './lib/logic/relativeTime';
export { colorName, paletteNames } from './lib/logic/colorName';
export { focusSoon } from './lib/logic/focusSoon';
export { clockTime, localClock } from './lib/logic/clock';
