import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwner } from '@pa/server-rbac';

const readTasks = hasPermission('task:read:own');
const writeTasks = hasPermission('task:write:own');
const readReminders = hasPermission('reminder:read:own');
const writeReminders = hasPermission('reminder:write:own');

export const assistantRules: RuleMap = {
  Query: { tasks: readTasks, reminders: readReminders, appointments: readReminders },
  Mutation: {
    createTask: writeTasks,
    completeTask: writeTasks,
    reopenTask: writeTasks,
    setTaskDueAt: writeTasks,
    renameTask: writeTasks,
    setTaskPriority: writeTasks,
    moveTask: writeTasks,
    deleteTask: writeTasks,
    createReminder: writeReminders,
    snoozeReminder: writeReminders,
    cancelReminder: writeReminders,
  },
  Subscription: { todayChanged: readTasks },
  Task: isOwner('task'),
  Reminder: isOwner('reminder'),
  // An appointment is read like the reminder before it (no permission of its own).
  Appointment: isOwner('reminder'),
  // Carries no data: it only says "refresh".
  TodayChanged: allow,
};
