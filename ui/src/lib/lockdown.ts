//! Locks the page down for a public kiosk: no context menu or long-press callout, no page zoom
//! (pinch, ctrl+wheel, ctrl+plus), no drag of images, no navigation away through a stray link.
//! An element marked `data-allow-pinch` (the floor map, later) keeps its own multi-touch.

export function installLockdown(doc: Document = document): () => void {
  const win = doc.defaultView ?? window;
  const prevent = (e: Event) => e.preventDefault();
  const allowsPinch = (target: EventTarget | null) =>
    target instanceof Element && target.closest("[data-allow-pinch]") !== null;

  const onTouchMove = (e: TouchEvent) => {
    if (e.touches.length > 1 && !allowsPinch(e.target)) e.preventDefault();
  };
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey && !allowsPinch(e.target)) e.preventDefault();
  };
  const onKey = (e: KeyboardEvent) => {
    const zoomKey = ["+", "-", "=", "0"].includes(e.key);
    if ((e.ctrlKey || e.metaKey) && zoomKey) e.preventDefault();
  };
  const onSelectStart = (e: Event) => {
    if (!(e.target instanceof Element && e.target.closest(".content-text"))) e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    // No page of the kiosk links anywhere; if a link ever slips in, it goes nowhere.
    if (e.target instanceof Element && e.target.closest("a[href]")) e.preventDefault();
  };

  const listeners: Array<[string, EventListener, AddEventListenerOptions]> = [
    ["contextmenu", prevent, { capture: true }],
    ["dragstart", prevent, { capture: true }],
    ["gesturestart", prevent, { capture: true, passive: false }],
    ["touchmove", onTouchMove as EventListener, { capture: true, passive: false }],
    ["wheel", onWheel as EventListener, { capture: true, passive: false }],
    ["keydown", onKey as EventListener, { capture: true }],
    ["selectstart", onSelectStart, { capture: true }],
    ["click", onClick as EventListener, { capture: true }],
    ["auxclick", prevent, { capture: true }],
  ];
  for (const [type, fn, opts] of listeners) win.addEventListener(type, fn, opts);
  return () => {
    for (const [type, fn, opts] of listeners) win.removeEventListener(type, fn, opts);
  };
}
