/**
 * A request to move the map, from outside the map's context (the search box, the table's "show on
 * map"). MapFocus, inside the map, carries it out; `seq` makes a repeated request fire again.
 */
import type { FocusTarget } from './target';

class FocusRequest {
  target = $state.raw<FocusTarget | null>(null);
  seq = $state(0);
}
export const focusRequest = new FocusRequest();

export function requestFocus(target: FocusTarget | null) {
  if (!target) return;
  focusRequest.target = target;
  focusRequest.seq++;
}
