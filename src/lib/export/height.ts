/**
 * Auto-height for embeds: tell the host page how tall the app is, in the two conventions newsrooms
 * already handle: Datawrapper's `{"datawrapper-height": {id: px}}` object and Pym.js's
 * `pymxPYMx<id>xPYMxheightxPYMx<px>` string. public/embed.js is the matching host script.
 */
export const datawrapperMessage = (id: string, height: number) => ({
  'datawrapper-height': { [id]: height },
});
export const pymMessage = (id: string, type: string, message: string) =>
  `pymxPYMx${id}xPYMx${type}xPYMx${message}`;

/** Parse a Pym.js message; null when it is not one. */
export function parsePym(data: unknown): { id: string; type: string; message: string } | null {
  if (typeof data !== 'string' || !data.startsWith('pymxPYMx')) return null;
  const parts = data.split('xPYMx');
  return parts.length >= 4 ? { id: parts[1], type: parts[2], message: parts.slice(3).join('xPYMx') } : null;
}

/**
 * What a host script that sizes the iframe sends back (public/embed.js, the embed dialog's preview):
 * the embed then stops fitting the iframe's height and takes the height its content needs.
 */
export const AUTO_HEIGHT_MESSAGE = { 'crossings-host': 'auto-height' } as const;

/** Is this message a host saying it sizes the iframe (ours, or a Pym.js parent's `width`)? */
export function isAutoHeightMessage(data: unknown, id: string): boolean {
  if (
    data &&
    typeof data === 'object' &&
    (data as Record<string, unknown>)['crossings-host'] === 'auto-height'
  )
    return true;
  const m = parsePym(data);
  return !!m && m.id === id && m.type === 'width';
}

/** The id the host knows this frame by: Pym's `childId`, else the default. */
export const frameId = (search: string) => new URLSearchParams(search).get('childId') || 'crossings';

/** Post the element's height to the parent on start, on every resize and when a Pym parent asks. */
export function startHeightMessages(el: HTMLElement, id: string, target: Window = window.parent): () => void {
  if (target === window) return () => {};
  let last = -1;
  const send = () => {
    const h = Math.ceil(el.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    target.postMessage(datawrapperMessage(id, h), '*');
    target.postMessage(pymMessage(id, 'height', String(h)), '*');
  };
  const ro = new ResizeObserver(send);
  ro.observe(el);
  const onMessage = (e: MessageEvent) => {
    const m = parsePym(e.data);
    if (e.source === target && m && m.id === id && m.type === 'width') {
      last = -1;
      send();
    }
  };
  window.addEventListener('message', onMessage);
  send();
  return () => {
    ro.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
