import { normalizeBackupCode } from './backup-codes.service';

describe('normalizeBackupCode', () => {
  it('ignores case, spaces, dashes of any kind and full-width characters', () => {
    for (const typed of [
      'abcde-fghjk',
      'ABCDE-FGHJK',
      ' abcde fghjk ',
      'abcdefghjk',
      'ab-cd-ef-gh-jk',
      'abcde\u2013fghjk', // en dash, as phones autocorrect
      '\uff41\uff42\uff43\uff44\uff45-fghjk', // full-width letters
    ]) {
      expect(normalizeBackupCode(typed)).toBe('abcdefghjk');
    }
  });

  it('refuses what cannot be a code: wrong length or a symbol outside the alphabet', () => {
    for (const typed of ['', 'abcde-fghj', 'abcde-fghjkm', 'abcde-fghj0', 'abcde-fghjl', 'abcde;fghjk']) {
      expect(normalizeBackupCode(typed)).toBeNull();
    }
  });
});
