//! The interface's heartbeat: every `HEARTBEAT_MS` it tells the app it is alive and how long
//! nobody has touched the screen. The app feeds its supervisor's watchdog only while these keep
//! coming, so a page that hangs is restarted (src-tauri/src/supervise.rs, HEARTBEAT_SECONDS).

/** Keep in step with `supervise::HEARTBEAT_SECONDS`. */
export const HEARTBEAT_MS = 2000;

export interface HeartbeatTarget {
  heartbeat(quietMs: number): Promise<void>;
}

/**
 * Starts the heartbeat (one at once, then every `HEARTBEAT_MS`); `lastTouch` says when the
 * screen was last touched (same clock as `now`). Returns the stop function.
 */
export function startHeartbeat(
  target: HeartbeatTarget,
  lastTouch: () => number,
  now: () => number = () => performance.now(),
  every: (fn: () => void, ms: number) => () => void = (fn, ms) => {
    const handle = setInterval(fn, ms);
    return () => clearInterval(handle);
  },
): () => void {
  const beat = () => {
    const quietMs = Math.max(0, Math.round(now() - lastTouch()));
    // A failed beat is only a missed beat: the next one tries again.
    target.heartbeat(quietMs).catch(() => {});
  };
  beat();
  return every(beat, HEARTBEAT_MS);
}
