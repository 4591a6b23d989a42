import type { ApiClient } from '../../api/client';
import type { components } from '../../api/contract.gen';

type Schemas = components['schemas'];

// The schedule screens' shapes, straight from the contract generated from the API's OpenAPI document.
export type Schedule = Schemas['ScheduleDto'];
export type ScheduleDay = Schemas['ScheduleDayDto'];
export type Exchange = Schemas['ExchangeDto'];
export type CheckIn = Schemas['CheckInDto'];
export type Plan = Schemas['PlanDto'];
export type Override = Schemas['OverrideDto'];
export type Swap = Schemas['SwapDto'];
export type TimeShare = Schemas['TimeShareDto'];
export type CalendarFeed = Schemas['CalendarFeedDto'];
export type NewPlan = Schemas['ProposePlanDto'];
export type NewSwap = Schemas['CreateSwapDto'];
export type NewCheckIn = Schemas['CreateCheckInDto'];
export type CourtOrder = Schemas['CourtOrderDto'];

function casePath(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}`;
}

function range(from: string, to: string): string {
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/** Days, exchanges (with their check-ins), overrides, swaps and plans over `from..to`, and the plan waiting for an answer. */
export function getSchedule(api: ApiClient, caseId: string, from: string, to: string): Promise<Schedule> {
  return api.send('GET', `${casePath(caseId)}/schedule?${range(from, to)}`);
}

export function getTimeShare(api: ApiClient, caseId: string, from: string, to: string): Promise<TimeShare> {
  return api.send('GET', `${casePath(caseId)}/schedule/time-share?${range(from, to)}`);
}

export async function listSwaps(api: ApiClient, caseId: string): Promise<Swap[]> {
  const list = await api.send<Schemas['SwapListDto']>('GET', `${casePath(caseId)}/swaps`);
  return list.items;
}

export function proposePlan(api: ApiClient, caseId: string, plan: NewPlan): Promise<Plan> {
  return api.send('POST', `${casePath(caseId)}/schedule/plans`, plan);
}

export type PlanAnswer = 'accept' | 'decline' | 'withdraw';

export function answerPlan(api: ApiClient, caseId: string, planId: string, answer: PlanAnswer): Promise<Plan> {
  return api.send('POST', `${casePath(caseId)}/schedule/plans/${encodeURIComponent(planId)}/${answer}`);
}

export function requestSwap(api: ApiClient, caseId: string, swap: NewSwap): Promise<Swap> {
  return api.send('POST', `${casePath(caseId)}/swaps`, swap);
}

export type SwapAnswer = 'accept' | 'decline' | 'withdraw';

export function answerSwap(
  api: ApiClient,
  caseId: string,
  swapId: string,
  answer: SwapAnswer,
  reason?: string,
): Promise<Swap> {
  return api.send(
    'POST',
    `${casePath(caseId)}/swaps/${encodeURIComponent(swapId)}/${answer}`,
    answer === 'withdraw' ? undefined : reason ? { reason } : {},
  );
}

export function checkIn(api: ApiClient, caseId: string, exchangeId: string, body: NewCheckIn): Promise<CheckIn> {
  return api.send('POST', `${casePath(caseId)}/exchanges/${encodeURIComponent(exchangeId)}/check-ins`, body);
}

export function getCalendarFeed(api: ApiClient, caseId: string): Promise<CalendarFeed> {
  return api.send('GET', `${casePath(caseId)}/calendar-feed`);
}

export function rotateCalendarFeed(api: ApiClient, caseId: string): Promise<CalendarFeed> {
  return api.send('POST', `${casePath(caseId)}/calendar-feed/rotate`);
}

export type NewOverride = Schemas['CreateOverrideDto'];

export async function listOverrides(api: ApiClient, caseId: string): Promise<Override[]> {
  const list = await api.send<Schemas['OverrideListDto']>('GET', `${casePath(caseId)}/schedule/overrides`);
  return list.items;
}

export function proposeOverride(api: ApiClient, caseId: string, override: NewOverride): Promise<Override> {
  return api.send('POST', `${casePath(caseId)}/schedule/overrides`, override);
}

export function answerOverride(
  api: ApiClient,
  caseId: string,
  overrideId: string,
  answer: PlanAnswer,
): Promise<Override> {
  return api.send('POST', `${casePath(caseId)}/schedule/overrides/${encodeURIComponent(overrideId)}/${answer}`);
}

/** Applies one's own plan, unanswered for 14 days, as ordered by a court. */
export function applyAsCourtOrdered(api: ApiClient, caseId: string, planId: string, order: CourtOrder): Promise<Plan> {
  return api.send('POST', `${casePath(caseId)}/schedule/plans/${encodeURIComponent(planId)}/court-order`, order);
}

/** Disputes a plan the other parent applied as court-ordered; recorded beside it. */
export function disputePlan(api: ApiClient, caseId: string, planId: string, reason: string): Promise<Plan> {
  return api.send('POST', `${casePath(caseId)}/schedule/plans/${encodeURIComponent(planId)}/disputes`, { reason });
}
