import { AVATAR_COLORS } from '@pa/shared-domain/profile';
import { colorName, paletteNames } from './colorName';

describe('colorName', () => {
  it('names the hue of a saturated colour', () => {
    expect(colorName('#1d4ed8')).toBe('Blue');
    expect(colorName('#0f766e')).toBe('Teal');
    expect(colorName('#15803d')).toBe('Green');
    expect(colorName('#b91c1c')).toBe('Red');
    expect(colorName('#BE185D')).toBe('Pink');
  });

  it('calls a washed-out colour grey', () => {
    expect(colorName('#334155')).toBe('Slate grey');
    expect(colorName('#d0d0d0')).toBe('Light grey');
  });

  it('gives every avatar colour of the shared palette its own name', () => {
    const names = paletteNames(AVATAR_COLORS);
    expect(new Set(names).size).toBe(AVATAR_COLORS.length);
    expect(names.every((name) => !/\d/.test(name))).toBe(true);
  });

  it('numbers colours that would read the same', () => {
    expect(paletteNames(['#1d4ed8', '#1e40af'])).toEqual(['Blue', 'Blue 2']);
  });

  it('returns anything that is not a #rrggbb colour unchanged', () => {
    expect(colorName('tomato')).toBe('tomato');
  });
});
