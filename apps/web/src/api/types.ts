// Shapes of the HTTP API as DESIGN.md states them. The client trusts nothing beyond these.

export interface User {
  id: string;
  email: string;
  displayName: string;
}

export interface AuthResult {
  user: User;
  token: string;
}

export interface CaseParent {
  userId: string;
  displayName: string;
  role: string;
}

export interface Case {
  id: string;
  name: string;
  timeZone: string;
  children: string[];
  parents: CaseParent[];
  createdAt: string;
}

export interface NewCase {
  name: string;
  timeZone: string;
  children: string[];
}

export interface SentInvitation {
  id: string;
  email: string;
  expiresAt: string;
}

export interface InvitationPreview {
  caseName: string;
  invitedBy: { displayName: string };
  email: string;
  expiresAt: string;
}

export interface Health {
  status: 'ok';
  database: 'embedded' | 'postgres';
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** One failed validation rule, named by the field it belongs to. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** The one error shape every API route answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  retryAt?: string;
}
