import type { ApolloClient } from '@apollo/client';
import { sendMessageMutation } from '../../graphql/lazy/chat';
import {
  completeTaskMutation,
  createTaskMutation,
  deleteTaskMutation,
  moveTaskMutation,
  renameTaskMutation,
  reopenTaskMutation,
  setTaskDueAtMutation,
  setTaskPriorityMutation,
  todayTasksQuery,
} from '../../graphql/lazy/tasks';
import type { Landed } from './outbox';
import type { OutboxItem } from './outboxTypes';

// Loaded the first time the outbox sends something: the documents are not needed to start the app.

// Asks for the task lists again so the change shows before the queued item leaves (no flicker back).
const tasksAgain = (apollo: ApolloClient) =>
  apollo.query({ query: todayTasksQuery, fetchPolicy: 'network-only' }).then(
    () => undefined,
    () => undefined,
  );

/** Sends one queued item to the API, with its client id where the API dedupes by it. */
export async function sendOutboxItem(apollo: ApolloClient, item: OutboxItem): Promise<Landed> {
  const { action } = item;
  switch (action.kind) {
    case 'sendMessage': {
      const { data } = await apollo.mutate({
        mutation: sendMessageMutation,
        variables: {
          input: {
            conversationId: action.conversationId,
            body: action.body,
            parentId: action.parentId,
            clientId: item.clientId,
          },
        },
        // The chat holds sent messages itself (and the live event brings them to other tabs).
        fetchPolicy: 'no-cache',
      });
      return { result: data?.sendMessage };
    }
    case 'createTask': {
      const { data } = await apollo.mutate({
        mutation: createTaskMutation,
        variables: { title: action.title, parentId: action.parentId, clientId: item.clientId },
      });
      await tasksAgain(apollo);
      return { result: data?.createTask, createdTaskId: data?.createTask.id };
    }
    case 'completeTask':
      await apollo.mutate({ mutation: completeTaskMutation, variables: { id: action.taskId } });
      await tasksAgain(apollo);
      return {};
    case 'reopenTask':
      await apollo.mutate({ mutation: reopenTaskMutation, variables: { id: action.taskId } });
      await tasksAgain(apollo);
      return {};
    case 'deleteTask':
      await apollo.mutate({ mutation: deleteTaskMutation, variables: { id: action.taskId } });
      await tasksAgain(apollo);
      return {};
    case 'renameTask':
      await apollo.mutate({
        mutation: renameTaskMutation,
        variables: { id: action.taskId, title: action.title },
      });
      await tasksAgain(apollo);
      return {};
    case 'setTaskDueAt':
      await apollo.mutate({
        mutation: setTaskDueAtMutation,
        variables: { id: action.taskId, dueAt: action.dueAt },
      });
      await tasksAgain(apollo);
      return {};
    case 'setTaskPriority':
      await apollo.mutate({
        mutation: setTaskPriorityMutation,
        variables: { id: action.taskId, priority: action.priority },
      });
      await tasksAgain(apollo);
      return {};
    case 'moveTask':
      await apollo.mutate({
        mutation: moveTaskMutation,
        variables: { id: action.taskId, place: action.place },
      });
      await tasksAgain(apollo);
      return {};
  }
}
