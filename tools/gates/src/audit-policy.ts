// The `npm audit` policy: a high or critical advisory in a production dependency fails unless an
// unexpired allow-list entry names it. Moderate and lower are reported, never blocking. Pure: it reads
// npm's audit report (auditReportVersion 2, `npm audit --omit=dev --json`) and returns a verdict.
import type { AllowEntry } from './allow-list';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export const BLOCKING: readonly Severity[] = ['high', 'critical'];

export interface Advisory {
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string;
  range: string;
}

export interface AuditVerdict {
  ok: boolean;
  blocking: Advisory[];
  allowed: { advisory: Advisory; entry: AllowEntry }[];
  /** Below the blocking severities: printed, not failing. */
  reported: Advisory[];
  /** Allow-list entries no current advisory matches: they can go. */
  unused: AllowEntry[];
}

interface ViaObject {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: Severity;
  range?: string;
}

/** Why the report is not an audit (the advisory endpoint refused or was unreachable), or null. */
export function auditUnavailable(report: unknown): string | null {
  if (report === null || typeof report !== 'object') return 'npm audit printed no JSON';
  const r = report as {
    auditReportVersion?: number;
    vulnerabilities?: unknown;
    message?: string;
    error?: { code?: string; summary?: string };
  };
  if (r.auditReportVersion === 2 && r.vulnerabilities && typeof r.vulnerabilities === 'object') return null;
  return r.message || r.error?.summary || r.error?.code || 'npm audit returned no report';
}

/** The advisories in a report, once each per (advisory, package). */
export function advisoriesOf(report: unknown): Advisory[] {
  const vulnerabilities = (report as { vulnerabilities?: Record<string, { via?: unknown[] }> })
    .vulnerabilities;
  const seen = new Map<string, Advisory>();
  for (const [name, vulnerability] of Object.entries(vulnerabilities ?? {})) {
    // A string in `via` is another vulnerable package this one depends on: that package's own entry
    // carries the advisory, so only objects are advisories.
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || via === null) continue;
      const v = via as ViaObject;
      const id = /GHSA(-[a-z0-9]{4}){3}/i.exec(v.url ?? '')?.[0] ?? String(v.source ?? 'unknown');
      const pkg = v.name ?? name;
      const advisory: Advisory = {
        id,
        package: pkg,
        severity: v.severity ?? 'info',
        title: v.title ?? '',
        url: v.url ?? '',
        range: v.range ?? '',
      };
      seen.set(`${id} ${pkg}`, advisory);
    }
  }
  return [...seen.values()].sort((a, b) => a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
}

/** Applies the policy to an audit report with the (already validated, unexpired) allow-list. */
export function evaluateAudit(report: unknown, allowList: AllowEntry[]): AuditVerdict {
  const verdict: AuditVerdict = { ok: true, blocking: [], allowed: [], reported: [], unused: [] };
  const used = new Set<AllowEntry>();
  for (const advisory of advisoriesOf(report)) {
    if (!BLOCKING.includes(advisory.severity)) {
      verdict.reported.push(advisory);
      continue;
    }
    const entry = allowList.find((e) => e.id === advisory.id && e.package === advisory.package);
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ advisory, entry });
    } else verdict.blocking.push(advisory);
  }
  verdict.unused = allowList.filter((e) => !used.has(e));
  verdict.ok = verdict.blocking.length === 0;
  return verdict;
}
