import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alex, CASE_ID } from '../../test/fixtures';
import { renderWithApi } from '../../test/render';
import { startTestApi, type TestApi } from '../../test/testApi';
import { SessionProvider } from '../auth/SessionProvider';
import { endLiveConnection, LiveConnection, setSocketOpenerForTests, type LiveSocket } from './liveConnection';
import { useCaseEvents, type CaseEvent } from './useCaseEvents';

type Handler = (...args: never[]) => void;

/** A socket.io client socket as far as LiveConnection uses it, driven by the test. */
class FakeSocket {
  connected = false;
  active = true;
  opened = 0;
  closed = 0;
  private handlers = new Map<string, Handler[]>();
  private anyHandlers: ((name: string, payload: unknown) => void)[] = [];

  on(name: string, handler: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }
  onAny(handler: (name: string, payload: unknown) => void) {
    this.anyHandlers.push(handler);
    return this;
  }
  connect() {
    this.opened++;
    return this;
  }
  disconnect() {
    this.closed++;
    this.connected = false;
    return this;
  }
  private fire(name: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(name) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
  /** The server accepted the handshake. */
  up() {
    this.connected = true;
    this.fire('connect');
  }
  /** The network dropped; socket.io will try again by itself. */
  down() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  refused(message: string) {
    this.active = false;
    this.fire('connect_error', new Error(message));
  }
  push(name: string, payload: unknown) {
    for (const handler of this.anyHandlers) handler(name, payload);
  }
}

const asSocket = (fake: FakeSocket) => fake as unknown as LiveSocket;

describe('LiveConnection', () => {
  afterEach(() => vi.useRealTimers());

  it('opens one socket for every listener, and closes it with the last one', () => {
    const sockets: FakeSocket[] = [];
    const connection = new LiveConnection(() => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return asSocket(socket);
    });
    const first = connection.listen({ onEvent: vi.fn(), onReconnect: vi.fn() });
    const second = connection.listen({ onEvent: vi.fn(), onReconnect: vi.fn() });
    expect(sockets).toHaveLength(1);
    first();
    expect(sockets[0]?.closed).toBe(0);
    second();
    expect(sockets[0]?.closed).toBe(1);
  });

  it('calls onReconnect when the connection comes back after a drop, not on the first connect', () => {
    const socket = new FakeSocket();
    const connection = new LiveConnection(() => asSocket(socket));
    const onReconnect = vi.fn();
    connection.listen({ onEvent: vi.fn(), onReconnect });
    socket.up();
    expect(onReconnect).not.toHaveBeenCalled();
    expect(connection.connected).toBe(true);
    socket.down();
    expect(connection.connected).toBe(false);
    socket.up();
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });

  it('asks again later when the server could not take the connection, and stops when the session has ended', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const connection = new LiveConnection(() => asSocket(socket));
    connection.listen({ onEvent: vi.fn(), onReconnect: vi.fn() });
    socket.refused('unavailable: try again');
    expect(socket.opened).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(socket.opened).toBe(1);

    socket.refused('unauthorized: the session has ended');
    expect(connection.hasEnded).toBe(true);
    expect(socket.closed).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(socket.opened).toBe(1);
  });
});

describe('useCaseEvents', () => {
  let api: TestApi;
  let socket: FakeSocket;

  beforeEach(async () => {
    socket = new FakeSocket();
    setSocketOpenerForTests(() => asSocket(socket));
    api = await startTestApi({ 'GET /api/auth/me': { status: 200, body: { user: alex } } });
  });

  afterEach(async () => {
    endLiveConnection();
    await api.close();
  });

  function Listener({ onEvent, onReconnect }: { onEvent: (event: CaseEvent) => void; onReconnect: () => void }) {
    const { connected } = useCaseEvents(CASE_ID, onEvent, { onReconnect });
    return <p>{connected ? 'live' : 'not live'}</p>;
  }

  it('passes on only the events of its case, says whether it is connected, and catches up after a reconnect', async () => {
    const onEvent = vi.fn();
    const onReconnect = vi.fn();
    renderWithApi(
      <SessionProvider>
        <Listener onEvent={onEvent} onReconnect={onReconnect} />
      </SessionProvider>,
      api.baseUrl,
    );
    expect(await screen.findByText('not live')).toBeTruthy();

    act(() => socket.up());
    expect(await screen.findByText('live')).toBeTruthy();

    act(() => {
      socket.push('terms.changed', { caseId: 'another-case', proposalId: 'p0', status: 'pending' });
      socket.push('terms.changed', { caseId: CASE_ID, proposalId: 'p1', status: 'pending' });
      socket.push('no.case', 'no payload');
    });
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onEvent).toHaveBeenCalledWith({
      name: 'terms.changed',
      payload: { caseId: CASE_ID, proposalId: 'p1', status: 'pending' },
    });

    act(() => socket.down());
    expect(await screen.findByText('not live')).toBeTruthy();
    act(() => socket.up());
    await waitFor(() => expect(onReconnect).toHaveBeenCalledTimes(1));
  });
});
