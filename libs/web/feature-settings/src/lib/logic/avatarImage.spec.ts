import { AVATAR_IMAGE } from '@pa/shared-domain/profile';
import { AVATAR_ACCEPT, avatarDimensionsProblem, avatarFileProblem } from './avatarImage';

describe('avatar picture checks (the shared limits)', () => {
  it('accepts the shared picture types, up to the size limit', () => {
    for (const type of AVATAR_IMAGE.types) {
      expect(avatarFileProblem({ type, size: AVATAR_IMAGE.maxBytes })).toBeNull();
    }
    expect(AVATAR_ACCEPT.split(',')).toEqual([...AVATAR_IMAGE.types]);
  });

  it('refuses another type or a heavier file, saying what would work', () => {
    expect(avatarFileProblem({ type: 'image/gif', size: 10 })).toMatch(/PNG, JPEG or WebP/);
    expect(avatarFileProblem({ type: 'image/png', size: AVATAR_IMAGE.maxBytes + 1 })).toMatch(/64 KB/);
  });

  it('refuses pictures smaller or larger than the shared bounds', () => {
    const { minSide, maxSide } = AVATAR_IMAGE;
    expect(avatarDimensionsProblem(minSide, maxSide)).toBeNull();
    expect(avatarDimensionsProblem(minSide - 1, 100)).toMatch(new RegExp(`${minSide} and ${maxSide}`));
    expect(avatarDimensionsProblem(100, maxSide + 1)).not.toBeNull();
  });
});
