import { backupCodesFile, cleanCode, codeProblem, groupSecret, orderMethods } from './secondFactor';

describe('second-factor helpers', () => {
  it('offers the app first and backup codes last', () => {
    expect(orderMethods(['BACKUP_CODE', 'SMS', 'TOTP'])).toEqual(['TOTP', 'SMS', 'BACKUP_CODE']);
    expect(orderMethods(['SMS'])).toEqual(['SMS']);
  });

  it('keeps only digits of app and SMS codes, and backup codes as typed', () => {
    expect(cleanCode('TOTP', ' 123 456 ')).toBe('123456');
    expect(cleanCode('SMS', '123-456')).toBe('123456');
    expect(cleanCode('BACKUP_CODE', ' abcd-efgh ')).toBe('abcd-efgh');
  });

  it('says what is missing before sending', () => {
    expect(codeProblem('TOTP', '')).toMatch(/enter the code/);
    expect(codeProblem('TOTP', '12345')).toMatch(/6 digits/);
    expect(codeProblem('TOTP', '123 456')).toBeNull();
    expect(codeProblem('BACKUP_CODE', 'x')).toBeNull();
  });

  it('groups the secret by four for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });

  it('writes a backup-codes file with every code on its own line', () => {
    const file = backupCodesFile(
      ['aaaa-bbbb', 'cccc-dddd'],
      'sam@example.test',
      new Date('2026-11-02T10:00:00Z'),
    );
    expect(file).toContain('Account: sam@example.test');
    expect(file).toContain('Created: 2026-11-02');
    expect(file.split('\n')).toEqual(expect.arrayContaining(['aaaa-bbbb', 'cccc-dddd']));
  });
});
