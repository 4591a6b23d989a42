import { isMessageVisibleTo, type MessageParties } from './visibility';

const SENDER = 'parent-a';
const RECIPIENT = 'parent-b';
const STRANGER = 'someone-else';
const RELEASED_AT = new Date('2025-03-06T18:00:00Z');

describe('isMessageVisibleTo', () => {
  it.each<[string, MessageParties['releasedAt'], string, boolean]>([
    ['the sender sees a held message', null, SENDER, true],
    ['the sender sees a released message', RELEASED_AT, SENDER, true],
    ['the recipient does not see a held message', null, RECIPIENT, false],
    ['the recipient sees a released message', RELEASED_AT, RECIPIENT, true],
    ['the recipient sees a message released as an ISO time', '2025-03-06T18:00:00.000Z', RECIPIENT, true],
    ['a stranger does not see a held message', null, STRANGER, false],
    ['a stranger does not see a released message', RELEASED_AT, STRANGER, false],
  ])('%s', (_name, releasedAt, userId, visible) => {
    expect(isMessageVisibleTo({ senderId: SENDER, recipientId: RECIPIENT, releasedAt }, userId)).toBe(visible);
  });

  it('treats a release time that was never loaded as held', () => {
    const loadedWithoutRelease = { senderId: SENDER, recipientId: RECIPIENT } as unknown as MessageParties;
    expect(isMessageVisibleTo(loadedWithoutRelease, RECIPIENT)).toBe(false);
    expect(isMessageVisibleTo(loadedWithoutRelease, SENDER)).toBe(true);
  });

  it('accepts a whole message row, reading only the parties and the release', () => {
    const row = { id: 'm1', caseId: 'c1', text: 'Pick-up at 5.', senderId: SENDER, recipientId: RECIPIENT, releasedAt: null };
    expect(isMessageVisibleTo(row, RECIPIENT)).toBe(false);
  });
});
