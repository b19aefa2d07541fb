//! Locks the page down for a public kiosk: no context menu or long-press callout, no page zoom
//! (pinch, ctrl+wheel, ctrl+plus), no drag of images, no navigation away through a stray link.
//! An element marked `data-allow-pinch` (the floor map) handles pinch and ctrl+wheel itself.

export function installLockdown(doc: Document = document): () => void {
  const win = doc.defaultView ?? window;
  const prevent = (e: Event) => e.preventDefault();
  const allowsPinch = (target: EventTarget | null) =>
    target instanceof Element && target.closest("[data-allow-pinch]") !== null;

  // Two fingers never zoom the page, on the map either: the map's own listeners still see the
  // touches (preventDefault does not stop propagation) and zoom the map. Cancelling the second
  // finger's touchstart also tells WebKitGTK the page took the touch, which is what denies its
  // own zoom gesture where the kiosk cannot switch that gesture off (see window.rs).
  const onTouch = (e: TouchEvent) => {
    if (e.touches.length > 1) e.preventDefault();
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
    ["touchstart", onTouch as EventListener, { capture: true, passive: false }],
    ["touchmove", onTouch as EventListener, { capture: true, passive: false }],
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
