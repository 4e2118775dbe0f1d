import { ROLES } from '@pa/shared-domain/access';
import { ROLE_OPTIONS, roleLabel } from './labels';

describe('role labels', () => {
  it('reads either spelling of a role', () => {
    expect(roleLabel('ADMINISTRATOR')).toBe('Administrator');
    expect(roleLabel('premium')).toBe('Premium');
  });

  it('offers every role of the shared matrix, lowest first, in the API spelling', () => {
    expect(ROLE_OPTIONS.map((option) => option.value)).toEqual(ROLES.map((role) => role.toUpperCase()));
    expect(ROLE_OPTIONS.every((option) => option.description.length > 0)).toBe(true);
  });
});
