/**
 * A quiet line saying whether this page updates by itself. It names no person and shows
 * nothing about the other parent: only whether this browser is receiving updates.
 */
export function LiveStatus({ connected }: { connected: boolean }) {
  return (
    <p className="live-status muted" role="status">
      {connected
        ? 'This page updates by itself.'
        : 'Updates are paused while the connection is away; this page catches up when it is back.'}
    </p>
  );
}
