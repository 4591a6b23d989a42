const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One rule of the throttle: at most `max` events per `windowMs` for one key of `scope`. */
export interface Limit {
  scope: string;
  max: number;
  windowMs: number;
}

/**
 * The numbers, and why. Per network address limits are generous because many people may
 * share one address (a mobile carrier's NAT, a library, a shelter); per target limits are
 * tight because they protect one person's inbox from being flooded by someone else.
 */
export const LIMITS = {
  /** A household creates a few accounts at most; 20 an hour still lets a shared address through, and slows checking addresses to 480 a day. */
  registrationPerAddress: { scope: 'register:addr', max: 20, windowMs: HOUR },
  /** Mails to an address's owner that someone tried to register it again: 3 a day tells them, and keeps it from becoming a flood. */
  registrationPerEmail: { scope: 'register:email', max: 3, windowMs: DAY },
  /** Invitation mails one account sends in a day: a parent invites one co-parent, and may resend after a typo; 10 is plenty and stops mail bombing through us. */
  invitationsPerAccount: { scope: 'invite:account', max: 10, windowMs: DAY },
  /** Invitation mails one address receives in a day, from anyone: 3 covers a resend or two and keeps an ex from flooding that inbox. */
  invitationsPerInvitee: { scope: 'invite:email', max: 3, windowMs: DAY },
  /** Reset links asked from one network address: 10 an hour covers a family sharing one; more is someone probing. */
  passwordResetPerAddress: { scope: 'reset:addr', max: 10, windowMs: HOUR },
  /** Reset mails one account receives: 3 an hour; over it the request is answered the same and no mail goes (nothing is disclosed). */
  passwordResetPerAccount: { scope: 'reset:email', max: 3, windowMs: HOUR },
  /** Address changes asked by one account: each mails two inboxes. */
  emailChangePerAccount: { scope: 'email-change:account', max: 5, windowMs: DAY },
  /** Professional access one parent gives in a day: each mails a link outside the case; a lawyer, a mediator and a few resends fit in 10. */
  professionalAccessPerAccount: { scope: 'professional-access:account', max: 10, windowMs: DAY },
  /** Access links one professional's address receives in a day, from anyone: 5, so that no one floods that inbox through us. */
  professionalAccessPerProfessional: { scope: 'professional-access:email', max: 5, windowMs: DAY },
  /**
   * Openings of one access's link in a day: each is an entry in the record (one per visit, not per
   * page). A professional opens it a few times a day at most; 30 keeps a leaked link from flooding the record.
   */
  professionalVisitsPerAccess: { scope: 'professional-visit:grant', max: 30, windowMs: DAY },
} satisfies Record<string, Limit>;
