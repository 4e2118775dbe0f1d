import { createUpdateController } from './updates';

describe('the update prompt', () => {
  it('shows when a new version waits and reloads only after the person asks and the new version controls the page', () => {
    const reload = jest.fn();
    const activate = jest.fn();
    const updates = createUpdateController(reload);
    expect(updates.status.get()).toBe('current');

    updates.waiting(activate);
    expect(updates.status.get()).toBe('ready');
    expect(reload).not.toHaveBeenCalled();

    updates.apply();
    expect(updates.status.get()).toBe('reloading');
    expect(activate).toHaveBeenCalledTimes(1);
    // Not yet: the new worker has not taken control.
    expect(reload).not.toHaveBeenCalled();

    updates.controllerChanged();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads by itself when another tab activated the new version: it asks instead', () => {
    const reload = jest.fn();
    const updates = createUpdateController(reload);
    updates.waiting(jest.fn());
    updates.controllerChanged();
    expect(reload).not.toHaveBeenCalled();
    expect(updates.status.get()).toBe('ready');

    // Already in control: reloading is all that is left to do.
    updates.apply();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('"not now" hides the prompt until a version waits again, and nothing is applied meanwhile', () => {
    const activate = jest.fn();
    const updates = createUpdateController(jest.fn());
    const seen: string[] = [];
    updates.status.subscribe(() => seen.push(updates.status.get()));
    updates.waiting(activate);
    updates.dismiss();
    updates.apply();
    expect(activate).not.toHaveBeenCalled();
    expect(updates.status.get()).toBe('current');
    updates.waiting(activate);
    expect(seen).toEqual(['ready', 'current', 'ready']);
  });
});
