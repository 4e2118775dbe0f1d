import {
  PERMISSIONS,
  ROLES,
  ROLE_DEFINITIONS,
  can,
  limitsOf,
  permissionsOf,
  roleAtLeast,
  roleChain,
  type Role,
} from './access';

describe('roles and permissions matrix', () => {
  it('gives a child role every permission of its parent', () => {
    for (const role of ROLES) {
      const parent = ROLE_DEFINITIONS[role].parent;
      if (!parent) continue;
      for (const p of permissionsOf(parent))
        expect([role, p, permissionsOf(role).has(p)]).toEqual([role, p, true]);
    }
  });

  it('keeps other people’s data to administrators', () => {
    expect(can('user', 'user:read:any')).toBe(false);
    expect(can('premium', 'user:manage:any')).toBe(false);
    expect(can('premium', 'audit:read:any')).toBe(false);
    expect(can('administrator', 'user:manage:any')).toBe(true);
  });

  it('lets premium do more than user, and an any-grant cover the own action', () => {
    expect(can('user', 'assistant:advanced:own')).toBe(false);
    expect(can('premium', 'assistant:advanced:own')).toBe(true);
    expect(can('administrator', 'audit:read:own')).toBe(true);
    expect(can('user', 'audit:read:own')).toBe(true);
  });

  it('names only known permissions, each granted by exactly one role', () => {
    const granted = ROLES.flatMap((r) => ROLE_DEFINITIONS[r].grants);
    expect(new Set(granted).size).toBe(granted.length);
    expect([...granted].sort()).toEqual([...PERMISSIONS].sort());
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z_]+:[a-z_]+:(own|any)$/);
  });

  it('orders roles by rank and never lowers a limit down the chain', () => {
    expect(roleChain('administrator')).toEqual(['administrator', 'premium', 'user']);
    expect(roleAtLeast('premium', 'user')).toBe(true);
    expect(roleAtLeast('user', 'premium')).toBe(false);
    const order: Role[] = ['user', 'premium', 'administrator'];
    for (let i = 1; i < order.length; i++) {
      const lower = limitsOf(order[i - 1] as Role);
      const higher = limitsOf(order[i] as Role);
      expect(higher.smsNumbers).toBeGreaterThanOrEqual(lower.smsNumbers);
      expect(higher.activeReminders).toBeGreaterThanOrEqual(lower.activeReminders);
      expect(higher.recurringReminders).toBeGreaterThanOrEqual(lower.recurringReminders);
      if (lower.historyDays === null) expect(higher.historyDays).toBeNull();
    }
  });
});
