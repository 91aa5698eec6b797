import { describe, expect, it, vi } from 'vitest';
import { Event, Evented, type Map as MLMap } from 'maplibre-gl';
import { watchContextLoss } from './contextLoss';

/** MapLibre's own event machinery (the Map extends Evented), without a canvas. */
class FakeMap extends Evented {}

function setup() {
  const evented = new FakeMap();
  const map = evented as unknown as MLMap;
  const onRestored = vi.fn();
  const stop = watchContextLoss(map, onRestored);
  const fire = (type: 'webglcontextlost' | 'webglcontextrestored' | 'style.load') =>
    evented.fire(new Event(type));
  const listening = (type: string) => evented.listens(type);
  return { onRestored, stop, fire, listening };
}

describe('watchContextLoss', () => {
  it('calls back on the first style.load after a restore, not at the restore itself', () => {
    const { onRestored, fire } = setup();
    fire('style.load');
    fire('webglcontextlost');
    expect(onRestored).not.toHaveBeenCalled();
    fire('webglcontextrestored');
    expect(onRestored).not.toHaveBeenCalled();
    fire('style.load');
    expect(onRestored).toHaveBeenCalledTimes(1);
    // Later style loads (e.g. a theme change) are not restores.
    fire('style.load');
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it('calls back once per restore', () => {
    const { onRestored, fire } = setup();
    for (let i = 1; i <= 3; i++) {
      fire('webglcontextlost');
      fire('webglcontextrestored');
      fire('style.load');
      expect(onRestored).toHaveBeenCalledTimes(i);
    }
  });

  it('a loss while the restored style is still loading cancels that wait', () => {
    const { onRestored, fire } = setup();
    fire('webglcontextlost');
    fire('webglcontextrestored');
    fire('webglcontextlost');
    fire('style.load');
    expect(onRestored).not.toHaveBeenCalled();
    fire('webglcontextrestored');
    fire('style.load');
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it('the returned function removes every listener, also a pending style.load', () => {
    const { onRestored, fire, stop, listening } = setup();
    expect(listening('webglcontextlost')).toBe(true);
    expect(listening('webglcontextrestored')).toBe(true);
    fire('webglcontextlost');
    fire('webglcontextrestored');
    expect(listening('style.load')).toBe(true);
    stop();
    for (const type of ['webglcontextlost', 'webglcontextrestored', 'style.load'])
      expect(listening(type)).toBe(false);
    fire('style.load');
    expect(onRestored).not.toHaveBeenCalled();
  });
});
