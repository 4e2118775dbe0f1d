import type { ServerStatus } from '@pa/web-data-access';

interface DependencyRowProps {
  name: string;
  testId: string;
  dependency: ServerStatus['database'];
  detail: string;
}

/** One dependency (database, Redis): OK or unavailable, plus a detail such as latency or mode. */
export function DependencyRow({ name, testId, dependency, detail }: DependencyRowProps) {
  return (
    <div className="status-row">
      <dt>{name}</dt>
      <dd>
        <span className="state" data-ok={dependency.ok} data-testid={testId}>
          {dependency.ok ? 'OK' : 'Unavailable'}
        </span>
        <span className="detail" data-testid={`${testId}-detail`}>
          {detail}
        </span>
      </dd>
    </div>
  );
}
