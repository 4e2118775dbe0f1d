import { pendingSignOut } from './pendingSignOut';

const storage = () => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('pendingSignOut', () => {
  it('remembers a sign-out the server has not heard of, across pages of the same device, until cleared', () => {
    const device = storage();
    pendingSignOut(device).remember();
    const nextPage = pendingSignOut(device);
    expect(nextPage.isPending()).toBe(true);
    nextPage.clear();
    expect(pendingSignOut(device).isPending()).toBe(false);
    expect(device.data.size).toBe(0);
  });

  it('still holds it for the page when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const flag = pendingSignOut(blocked);
    flag.remember();
    expect(flag.isPending()).toBe(true);
    flag.clear();
    expect(flag.isPending()).toBe(false);
  });
});
