import { graphql } from '../../gql/lazy';

/** A task as the Today view shows it (a step is a task too, without steps of its own). */
export const todayTaskFieldsFragment = graphql(`
  fragment TodayTaskFields on Task {
    id
    title
    doneAt
    parentId
    position
    dueAt
    priority
    clientId
  }
`);

export const todayReminderFieldsFragment = graphql(`
  fragment TodayReminderFields on Reminder {
    id
    text
    dueAt
    kind
    repeats
    status
    awaitingAcknowledgement
    acknowledgedAt
    deliveries {
      ...ReminderDeliveryFields
    }
  }
`);

export const todayTasksQuery = graphql(`
  query TodayTasks {
    open: tasks(done: false) {
      ...TodayTaskFields
      steps {
        ...TodayTaskFields
      }
    }
    done: tasks(done: true) {
      ...TodayTaskFields
    }
  }
`);

export const todayRemindersQuery = graphql(`
  query TodayReminders {
    reminders {
      ...TodayReminderFields
    }
    due: dueReminders {
      ...TodayReminderFields
    }
  }
`);

export const createTaskMutation = graphql(`
  mutation CreateTask($title: String!, $parentId: ID, $clientId: String) {
    createTask(title: $title, parentId: $parentId, clientId: $clientId) {
      ...TodayTaskFields
    }
  }
`);

export const completeTaskMutation = graphql(`
  mutation CompleteTask($id: ID!) {
    completeTask(id: $id) {
      ...TodayTaskFields
      steps {
        ...TodayTaskFields
      }
    }
  }
`);

export const reopenTaskMutation = graphql(`
  mutation ReopenTask($id: ID!) {
    reopenTask(id: $id) {
      ...TodayTaskFields
    }
  }
`);

export const deleteTaskMutation = graphql(`
  mutation DeleteTask($id: ID!) {
    deleteTask(id: $id)
  }
`);

export const renameTaskMutation = graphql(`
  mutation RenameTask($id: ID!, $title: String!) {
    renameTask(id: $id, title: $title) {
      ...TodayTaskFields
    }
  }
`);

export const setTaskDueAtMutation = graphql(`
  mutation SetTaskDueAt($id: ID!, $dueAt: DateTimeISO) {
    setTaskDueAt(id: $id, dueAt: $dueAt) {
      ...TodayTaskFields
    }
  }
`);

export const setTaskPriorityMutation = graphql(`
  mutation SetTaskPriority($id: ID!, $priority: TaskPriority!) {
    setTaskPriority(id: $id, priority: $priority) {
      ...TodayTaskFields
    }
  }
`);

export const moveTaskMutation = graphql(`
  mutation MoveTask($id: ID!, $place: Int!) {
    moveTask(id: $id, place: $place) {
      ...TodayTaskFields
    }
  }
`);

export const todayAppointmentsQuery = graphql(`
  query TodayAppointments {
    appointments {
      id
      title
      startsAt
    }
  }
`);

export const createReminderMutation = graphql(`
  mutation CreateTodayReminder($input: CreateReminderInput!) {
    createReminder(input: $input) {
      ...TodayReminderFields
    }
  }
`);

export const snoozeReminderMutation = graphql(`
  mutation SnoozeReminder($id: ID!, $minutes: Int!) {
    snoozeReminder(id: $id, minutes: $minutes) {
      ...TodayReminderFields
    }
  }
`);

export const cancelReminderMutation = graphql(`
  mutation CancelReminder($id: ID!) {
    cancelReminder(id: $id) {
      ...TodayReminderFields
    }
  }
`);

export const todayChangedSubscription = graphql(`
  subscription TodayChanged {
    todayChanged {
      what
    }
  }
`);
