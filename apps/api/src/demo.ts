import { INestApplication, Logger } from '@nestjs/common';
import { AuthService, SignedIn } from './auth/auth.service';
import { AuthContext } from './common/auth-context';
import { Conflict } from './common/errors';
import { CasesService } from './cases/cases.service';

export const DEMO_PASSWORD = 'grey-rock-demo-2026';
const DEMO_PARENTS = [
  { email: 'alex@demo.parallel.localhost', displayName: 'Alex (demo)' },
  { email: 'sam@demo.parallel.localhost', displayName: 'Sam (demo)' },
];

/**
 * Creates two demo parents who share a case (or finds them again) and prints how to
 * sign in. Goes through the same services as real use, so the ledger records it all.
 */
export async function seedDemo(app: INestApplication, publicUrl: string): Promise<void> {
  const auth = app.get(AuthService);
  const cases = app.get(CasesService);
  const [first, second] = await Promise.all(DEMO_PARENTS.map((parent) => signUpOrIn(auth, parent.email, parent.displayName)));
  const firstAuth = toAuth(first!);
  const existing = (await cases.list(firstAuth)).items.find((item) => item.parents.length === 2);
  if (!existing) {
    const created = await cases.create(firstAuth, { name: 'Demo: Alex and Sam', timeZone: 'Europe/London', children: ['Mia', 'Leo'] });
    // Accept directly rather than through the mailed link: the demo shows the product, not the inbox.
    const token = await inviteForDemo(app, created.id, firstAuth, second!.user.email);
    await cases.acceptInvitation(toAuth(second!), token);
  }
  const lines = [
    '',
    'Demo ready. Open ' + publicUrl + ' and sign in as either parent:',
    ...DEMO_PARENTS.map((parent) => `  ${parent.email}   password: ${DEMO_PASSWORD}`),
    '',
  ];
  new Logger('Demo').log(lines.join('\n'));
}

async function signUpOrIn(auth: AuthService, email: string, displayName: string): Promise<SignedIn> {
  try {
    return await auth.register({ email, password: DEMO_PASSWORD, displayName }, 'demo');
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return auth.login({ email, password: DEMO_PASSWORD }, 'demo', 'demo');
  }
}

function toAuth(signedIn: SignedIn): AuthContext {
  return { userId: signedIn.user.id, sessionId: '', email: signedIn.user.email, displayName: signedIn.user.displayName };
}

/** The demo accepts with the token directly instead of through the mailed link. */
async function inviteForDemo(app: INestApplication, caseId: string, inviter: AuthContext, email: string): Promise<string> {
  const { token } = await app.get(CasesService).createInvitation(inviter, caseId, { email });
  return token;
}
