import type { Message } from '../../api/types';

export interface ComposerProps {
  caseId: string;
  /** Called with the stored message once a send is accepted (delivered or held for a window). */
  onSent?: (message: Message) => void;
}

/** The message composer (topic, text, urgent, nudges, review, send). Built in features/composer. */
export function Composer(_props: ComposerProps) {
  return null;
}
