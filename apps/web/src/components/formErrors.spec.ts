import { describe, expect, it } from 'vitest';
import { ApiError, UNREACHABLE } from '../api/client';
import { fieldMessage, formLevelMessages, problemSentence } from './formErrors';

const invalid = (...details: { field: string; rule: string; message: string }[]) =>
  new ApiError({ status: 400, message: details.map((detail) => detail.message).join('; '), details });

describe('errors in plain words', () => {
  it.each([
    [
      'email',
      'isEmail',
      'email must be an e-mail address',
      'This does not look like an e-mail address. Please check it.',
    ],
    ['timeZone', 'isTimeZone', 'timeZone must be an IANA time zone', 'Please choose a time zone from the list.'],
    ['children[1]', 'maxLength', 'each child must be shorter', 'Please keep each name to 50 characters.'],
    ['displayName', 'somethingNew', 'displayName must be something new', 'Please check this detail.'],
  ])('says %s/%s in words for people', (field, rule, message, words) => {
    const error = invalid({ field, rule, message });
    expect(fieldMessage(error, field.replace(/\[\d+\]$/, ''))).toBe(words);
  });

  it('points at the fields on screen and says the others above the button', () => {
    const error = invalid(
      { field: 'name', rule: 'minLength', message: 'name must not be empty' },
      { field: 'children', rule: 'arrayMinSize', message: 'children must name at least one child' },
    );
    expect(formLevelMessages(error, ['name'])).toEqual([
      'Some details need another look; see the notes next to them.',
      'Please name at least one child.',
    ]);
  });

  it.each([
    [
      new ApiError({ status: UNREACHABLE }),
      'Parallel could not be reached. Please check your connection and try again.',
    ],
    [
      new ApiError({ status: 502, message: '<html>Bad gateway</html>' }),
      'Something went wrong on our side. Please try again in a moment.',
    ],
    [new ApiError({ status: 404, message: 'Case not found' }), 'That could not be found.'],
    [
      new ApiError({ status: 409, message: 'This case already has both parents.' }),
      'This case already has both parents.',
    ],
    [
      invalid({ field: 'caseId', rule: 'isUuid', message: 'caseId must be a UUID' }),
      'Some of the details need another look.',
    ],
  ])('explains %s calmly', (error, sentence) => {
    expect(problemSentence(error)).toBe(sentence);
  });
});
