/** A real-time event of a case, as the API's socket sends it. */
export interface CaseEvent {
  name: string;
  payload: unknown;
}

export interface CaseEventsOptions {
  /** Called after a reconnect, so the screen can catch up on what it missed. */
  onReconnect?: () => void;
}

/** Live events of one case for the signed-in parent. Built in features/live. */
export function useCaseEvents(_caseId: string, _onEvent: (event: CaseEvent) => void, _options: CaseEventsOptions = {}): { connected: boolean } {
  return { connected: false };
}
