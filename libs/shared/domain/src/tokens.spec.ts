import { can, PERMISSIONS } from './access';
import { TOKEN_SCOPE_PRESETS, isPermission, scopesCover } from './tokens';

describe('personal access token scopes', () => {
  it('covers a permission named in the scopes, and an own action through its any scope', () => {
    expect(scopesCover(['task:read:own'], 'task:read:own')).toBe(true);
    expect(scopesCover(['audit:read:any'], 'audit:read:own')).toBe(true);
  });

  it('never widens: own does not cover any, read does not cover write', () => {
    expect(scopesCover(['user:read:own'], 'user:read:any')).toBe(false);
    expect(scopesCover(['task:read:own'], 'task:write:own')).toBe(false);
    expect(scopesCover([], 'task:read:own')).toBe(false);
  });

  it('keeps the read-only preset to reads, and every preset inside the matrix', () => {
    expect(TOKEN_SCOPE_PRESETS['read-only']?.every((p) => p.includes(':read:'))).toBe(true);
    for (const scopes of Object.values(TOKEN_SCOPE_PRESETS)) expect(scopes.every(isPermission)).toBe(true);
    // Every preset but read-only fits a plain user.
    for (const [name, scopes] of Object.entries(TOKEN_SCOPE_PRESETS))
      if (name !== 'read-only') expect(scopes.filter((p) => !can('user', p))).toEqual([]);
    expect(isPermission('task:delete:everything')).toBe(false);
    expect(PERMISSIONS.length).toBeGreaterThan(0);
  });
});
