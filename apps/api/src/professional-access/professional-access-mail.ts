import { PROFESSIONAL_ROLE_WORDS, formatRecordTime, type ProfessionalRole } from '@parallel/domain';
import type { OutgoingMail } from '../notifications/mail.service';

/**
 * The mails of professional access. Like every notice, they carry no message text; the link
 * to the record goes only to the professional, and only in the first mail.
 */
export function accessLinkMail(input: {
  to: string;
  professionalName: string;
  role: ProfessionalRole;
  parentName: string;
  caseName: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `${input.parentName} shared a Parallel case record with you`,
    text: [
      `Hello ${input.professionalName},`,
      '',
      `${input.parentName} gave you, as their ${PROFESSIONAL_ROLE_WORDS[input.role]}, access to read the record of the case "${input.caseName}" on Parallel, and to export it for court (a PDF and a signed file anyone can check).`,
      '',
      'Open the record:',
      input.link,
      '',
      `The link works until ${formatRecordTime(input.expiresAt.toISOString(), input.timeZone)}, unless ${input.parentName} ends it sooner. Keep it to yourself: whoever has it can read the record.`,
      'The access is read-only: it cannot send messages or change anything. Each time the record is opened or exported, that is recorded in the case, and both parents can see it.',
      '',
      'If you did not expect this e-mail, you can ignore it.',
    ].join('\n'),
  };
}

/** The other parent is told, plainly, who can now read the record, and that nothing else changed. */
export function accessGrantedNoticeMail(input: {
  to: string;
  parentName: string;
  professionalName: string;
  role: ProfessionalRole;
  caseName: string;
  expiresAt: Date;
  timeZone: string;
  recordLink: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `${input.parentName} gave a ${PROFESSIONAL_ROLE_WORDS[input.role]} access to your case record`,
    text: [
      `${input.parentName} gave ${input.professionalName}, ${PROFESSIONAL_ROLE_WORDS[input.role]}, access to read and export the record of the case "${input.caseName}" on Parallel, until ${formatRecordTime(input.expiresAt.toISOString(), input.timeZone)}.`,
      '',
      'The access is read-only: it cannot send you messages or change anything in the case. It is recorded in the case record, with each time the record is opened or exported.',
      '',
      'See the record:',
      input.recordLink,
    ].join('\n'),
  };
}

export function accessEndedMail(input: { to: string; professionalName: string; parentName: string; caseName: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `Your access to a Parallel case record has ended`,
    text: [
      `Hello ${input.professionalName},`,
      '',
      `${input.parentName} ended your access to the record of the case "${input.caseName}" on Parallel. The link you received no longer opens it.`,
      '',
      'Exports you already downloaded stay valid: they can still be checked as complete and unaltered.',
    ].join('\n'),
  };
}
