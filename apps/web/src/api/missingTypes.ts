// The contract generated from the API's OpenAPI document now names the case as the page
// reads it (terms and pending invitation included): `Case` in ./types. This alias keeps
// the importers compiling until they import `Case` from there; then delete this file.
import type { Case } from './types';

/** GET /api/cases/:caseId. */
export type CaseDetail = Case;
