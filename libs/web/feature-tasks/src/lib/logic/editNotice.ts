import type { TaskEditChange } from '@pa/web-data-access/tasks';

const PRIORITY_WORDS = { HIGH: 'high priority', NORMAL: 'normal priority', LOW: 'low priority' } as const;

/** What the page says after a task was edited: one calm line, naming the change when there is one. */
export function editNotice(title: string, changes: readonly TaskEditChange[]): string {
  const [only] = changes;
  if (changes.length !== 1 || !only) return `Saved your changes to “${title}”.`;
  switch (only.kind) {
    case 'renameTask':
      return `Renamed to “${only.title ?? title}”.`;
    case 'setTaskDueAt':
      return only.dueAt ? `“${title}” has a due date.` : `“${title}” has no due date now.`;
    case 'setTaskPriority':
      return `“${title}”: ${PRIORITY_WORDS[only.priority]}.`;
    case 'moveTask':
      return `Moved “${title}” to place ${only.place}.`;
  }
}
