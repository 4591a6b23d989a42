import { useMemo, useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import type { Case } from '../../api/types';
import { browserTimeZone, timeZoneChoices } from './timeZones';
import { SelectField, TextField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { fieldMessage, formLevelMessages } from '../../components/formErrors';
import { useSubmission } from '../../components/useSubmission';

const FIELDS = ['name', 'timeZone', 'children'] as const;

/** "Anna, Ben ,, Carla" -> ["Anna", "Ben", "Carla"] */
export function parseChildrenNames(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

export function CreateCaseForm({ onCreated }: { onCreated: (created: Case) => void }) {
  const api = useApiClient();
  const zones = useMemo(timeZoneChoices, []);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [children, setChildren] = useState('');
  const { busy, error, run } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const created = await api.createCase({ name: name.trim(), timeZone, children: parseChildrenNames(children) });
      setName('');
      setChildren('');
      onCreated(created);
    });
  };

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
        error={fieldMessage(error, 'name')}
      />
      <SelectField
        label="Time zone"
        hint="Delivery times, schedules and the record use this zone."
        name="timeZone"
        value={timeZone}
        options={zones}
        onChange={setTimeZone}
        error={fieldMessage(error, 'timeZone')}
      />
      <TextField
        label="Children's first names"
        hint="Separated by commas, for example: Anna, Ben"
        name="children"
        value={children}
        onChange={setChildren}
        error={fieldMessage(error, 'children')}
      />
      <FormMessage>
        {formLevelMessages(error, FIELDS).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </FormMessage>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating the case…' : 'Create case'}
      </button>
    </form>
  );
}
