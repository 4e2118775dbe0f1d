// The licence policy for production dependencies: every package's licence (an SPDX expression) must
// be satisfiable from the allowed list, or the package must be a named exception with a reason. Pure:
// it reads license-checker-rseidelsohn's `--json` output.

export interface LicenceException {
  package: string;
  licence: string;
  reason: string;
}

export interface LicencePolicy {
  allowed: string[];
  exceptions: LicenceException[];
}

export interface LicenceVerdict {
  ok: boolean;
  checked: number;
  violations: { package: string; licence: string }[];
  excepted: { package: string; licence: string; reason: string }[];
  /** Exceptions no installed package needs any more: they can go. */
  unused: LicenceException[];
}

type Entry = { licenses?: string | string[] };

/** `name@1.2.3` / `@scope/name@1.2.3` → the package name. */
export function packageName(key: string): string {
  return key.slice(0, key.lastIndexOf('@') > 0 ? key.lastIndexOf('@') : undefined);
}

/**
 * Whether an SPDX expression is satisfied by the allowed licences: `A OR B` needs one side, `A AND B`
 * both, parentheses group. license-checker marks a licence guessed from a LICENSE file with `*`.
 */
export function satisfies(expression: string, allowed: ReadonlySet<string>): boolean {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter(Boolean);
  let at = 0;
  const primary = (): boolean => {
    const part = tokens[at++];
    if (part === '(') {
      const value = or();
      at++; // ')'
      return value;
    }
    // `WITH` exceptions (e.g. Classpath-exception-2.0) only widen a licence: judge the licence itself.
    if (tokens[at] === 'WITH') at += 2;
    return part !== undefined && allowed.has(part.replace(/\*$/, ''));
  };
  const and = (): boolean => {
    let value = primary();
    while (tokens[at] === 'AND') {
      at++;
      value = primary() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (tokens[at] === 'OR') {
      at++;
      value = and() || value;
    }
    return value;
  };
  return tokens.length > 0 && or() && at === tokens.length;
}

/** The licence text license-checker reports for an entry (a list means dual licensing: any one). */
function licenceOf(entry: Entry): string {
  const l = entry.licenses;
  if (Array.isArray(l)) return l.length > 1 ? `(${l.join(' OR ')})` : (l[0] ?? 'UNKNOWN');
  return l ?? 'UNKNOWN';
}

/** Applies the policy to license-checker's report, skipping this repository's own package. */
export function evaluateLicences(
  report: Record<string, Entry>,
  policy: LicencePolicy,
  ownPackage: string,
): LicenceVerdict {
  const allowed = new Set(policy.allowed);
  const verdict: LicenceVerdict = { ok: true, checked: 0, violations: [], excepted: [], unused: [] };
  const used = new Set<LicenceException>();
  for (const [key, entry] of Object.entries(report)) {
    const name = packageName(key);
    if (name === ownPackage) continue;
    verdict.checked++;
    const licence = licenceOf(entry);
    if (satisfies(licence, allowed)) continue;
    const exception = policy.exceptions.find((e) => e.package === name && e.licence === licence);
    if (exception) {
      used.add(exception);
      verdict.excepted.push({ package: key, licence, reason: exception.reason });
    } else verdict.violations.push({ package: key, licence });
  }
  verdict.unused = policy.exceptions.filter((e) => !used.has(e));
  verdict.ok = verdict.violations.length === 0;
  return verdict;
}
