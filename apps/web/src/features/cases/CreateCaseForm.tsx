import { useMemo, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { Case } from '../../api/types';
import { browserTimeZone, filterTimeZones, timeZoneChoices } from './timeZones';
import { SelectField, TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { CHECK_THE_NOTES, required, useFieldChecks, type FieldCheck } from '../../components/useFieldChecks';
import { useSubmission } from '../../components/useSubmission';

const FIELDS = ['name', 'timeZone', 'children'] as const;

/** "Anna, Ben ,, Carla" -> ["Anna", "Ben", "Carla"] */
export function parseChildrenNames(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const childrenNames: FieldCheck = (text) => {
  const names = parseChildrenNames(text);
  if (names.length === 0) return 'Please name at least one child.';
  if (names.length > 10) return 'A case names at most 10 children.';
  if (names.some((name) => name.length > 50)) return 'Please keep each name to 50 characters.';
  return undefined;
};

const CHECKS = {
  name: required('Please give the case a name.'),
  children: childrenNames,
};

export function CreateCaseForm({ onCreated }: { onCreated: (created: Case) => void }) {
  const api = useApiClient();
  const zones = useMemo(timeZoneChoices, []);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [zoneSearch, setZoneSearch] = useState('');
  const [children, setChildren] = useState('');
  const [checkedOnSubmit, setCheckedOnSubmit] = useState(false);
  const { busy, error, run } = useSubmission();
  const checks = useFieldChecks({ name, children }, CHECKS);

  const matching = useMemo(() => filterTimeZones(zones, zoneSearch), [zones, zoneSearch]);
  // The chosen zone stays in the list whatever the search, so the list always shows what is chosen.
  const zoneOptions = matching.includes(timeZone) ? matching : [timeZone, ...matching];

  const searchZones = (search: string) => {
    setZoneSearch(search);
    // Typing a city chooses the first zone that matches; the list shows the others.
    const first = filterTimeZones(zones, search)[0];
    if (search.trim() && first) setTimeZone(first);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCheckedOnSubmit(true);
    if (!checks.checkAll(event.currentTarget)) return;
    await run(async () => {
      const created = await api.createCase({ name: name.trim(), timeZone, children: parseChildrenNames(children) });
      setName('');
      setChildren('');
      setZoneSearch('');
      setCheckedOnSubmit(false);
      checks.reset();
      onCreated(created);
    });
  };

  const formNotes = checkedOnSubmit && checks.hasProblems ? [CHECK_THE_NOTES] : formLevelMessages(error, FIELDS);
  const searchHint = zoneSearch.trim()
    ? matching.length === 0
      ? `No time zone matches “${zoneSearch.trim()}”. Try a nearby large city.`
      : `${matching.length} ${matching.length === 1 ? 'zone matches' : 'zones match'}; the first is chosen below.`
    : 'Type a city or region, for example Berlin or New York.';

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-case-heading">
      <h2 id="create-case-heading">Create a case</h2>
      <p className="muted">
        A case holds the written record between you and the other parent. You can invite them once it exists.
      </p>
      <TextField
        label="Case name"
        hint="For example, the children's names or the family name."
        name="name"
        required
        value={name}
        onChange={setName}
        onBlur={(event) => checks.left('name', event)}
        error={checks.problemOf('name') ?? fieldMessage(error, 'name')}
      />
      <TextField
        label="Find a zone by city"
        hint={searchHint}
        type="search"
        name="zoneSearch"
        autoComplete="off"
        value={zoneSearch}
        onChange={searchZones}
      />
      <SelectField
        label="Time zone"
        hint="Delivery times, schedules and the record use this zone."
        name="timeZone"
        value={timeZone}
        options={zoneOptions}
        onChange={setTimeZone}
        error={fieldMessage(error, 'timeZone')}
      />
      <TextField
        label="Children's first names"
        hint="Separated by commas, for example: Anna, Ben"
        name="children"
        required
        value={children}
        onChange={setChildren}
        onBlur={(event) => checks.left('children', event)}
        error={checks.problemOf('children') ?? fieldMessage(error, 'children')}
      />
      <FormMessage>
        {formNotes.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating the case…' : 'Create case'}
      </button>
    </form>
  );
}
