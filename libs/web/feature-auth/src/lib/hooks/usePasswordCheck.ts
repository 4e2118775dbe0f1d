import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { loadDomain, type DomainModule } from '../logic/loadDomain';

type PasswordPolicyModule = DomainModule;
type PasswordCheck = ReturnType<PasswordPolicyModule['checkPassword']>;

export interface PasswordFeedback {
  /** False until the policy (and its zxcvbn dictionaries) has loaded. */
  ready: boolean;
  score: number;
  ok: boolean;
  /** The shared, kind sentences for each problem (same text the API sends). */
  problems: string[];
  suggestions: string[];
}

const loadPolicy = loadDomain;

/** Live feedback on a new password with the shared policy; `personal` = email, name. */
export function usePasswordCheck(password: string, personal: string[]): PasswordFeedback {
  const [policy, setPolicy] = useState<PasswordPolicyModule | null>(null);
  useEffect(() => {
    let active = true;
    loadPolicy().then(
      (module) => active && setPolicy(module),
      () => undefined, // Offline: the API still checks the password on submit.
    );
    return () => {
      active = false;
    };
  }, []);

  // Typing stays smooth: the check runs on a deferred copy of the value.
  const deferred = useDeferredValue(password);
  const personalKey = personal.join('\n');
  return useMemo(() => {
    if (!policy) return { ready: false, score: 0, ok: false, problems: [], suggestions: [] };
    if (!deferred) return { ready: true, score: 0, ok: false, problems: [], suggestions: [] };
    const check: PasswordCheck = policy.checkPassword(deferred, personalKey ? personalKey.split('\n') : []);
    return {
      ready: true,
      score: check.score,
      ok: check.ok,
      problems: check.problems.map((code) => policy.PASSWORD_PROBLEM_MESSAGES[code]),
      suggestions: check.suggestions,
    };
  }, [policy, deferred, personalKey]);
}
