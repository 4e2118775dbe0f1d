// Secondary entry point (@pa/web-data-access/tasks) for the Today view, which loads lazily: its hooks
// and documents (src/gql/lazy) are not reachable from the first chunk.
export {
  useToday,
  useTodayActions,
  type OpenTask,
  type RefusedTaskChange,
  type TaskItem,
  type TaskEditChange,
  type TaskPriorityValue,
  type TaskRef,
  type TodayAppointment,
  type TodayActions,
  type TodayView,
  type UpcomingReminder,
} from './hooks/tasks/useToday';
export { movedTo, withQueuedTaskChanges, type QueuedNote } from './lib/tasks/queuedTasks';
