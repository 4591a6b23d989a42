import type { ApiClient } from '../../api/client';
import type { components } from '../../api/contract.gen';

type Schemas = components['schemas'];

// Professional access's shapes, straight from the contract generated from the API's OpenAPI document.
export type ProfessionalAccess = Schemas['ProfessionalAccessDto'];
export type ProfessionalRole = ProfessionalAccess['role'];
export type NewProfessionalAccess = Schemas['GrantProfessionalAccessDto'];
export type GrantedProfessionalAccess = Schemas['GrantedProfessionalAccessDto'];
/** What a professional's visit shows: who they are, who gave the access, the case, until when. */
export type ProfessionalView = Schemas['ProfessionalViewDto'];

function accessPath(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/professional-access`;
}

// A parent's side.

export async function listAccess(api: ApiClient, caseId: string): Promise<ProfessionalAccess[]> {
  return (await api.send<Schemas['ProfessionalAccessListDto']>('GET', accessPath(caseId))).items;
}

export function grantAccess(
  api: ApiClient,
  caseId: string,
  body: NewProfessionalAccess,
): Promise<GrantedProfessionalAccess> {
  return api.send('POST', accessPath(caseId), body);
}

export function endAccess(api: ApiClient, caseId: string, accessId: string): Promise<ProfessionalAccess> {
  return api.send('DELETE', `${accessPath(caseId)}/${encodeURIComponent(accessId)}`);
}

// The professional's side: the link's secret exchanged for a visit (an httpOnly cookie), then the visit.

export function openVisit(api: ApiClient, secret: string): Promise<ProfessionalView> {
  return api.send('POST', '/api/professional/visits', { secret });
}

export function currentVisit(api: ApiClient): Promise<ProfessionalView> {
  return api.send('GET', '/api/professional/visit');
}

export function closeVisit(api: ApiClient): Promise<void> {
  return api.send('DELETE', '/api/professional/visit');
}
