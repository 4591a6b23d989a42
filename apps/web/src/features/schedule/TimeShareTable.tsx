import type { ParentMark } from './parentMarks';

/** One parent's time with the children over a range. */
export interface ShareFigures {
  parentId: string;
  overnights: number;
  hours: number;
  percent: number;
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * Each parent's time with the children over a range, as planned and as lived (after swaps
 * and overrides): overnights (the figure child-support worksheets use), hours and percent.
 * Parents are the columns, so the table fits a phone held upright.
 */
export function TimeShareTable({
  planned,
  lived,
  marks,
  caption,
}: {
  planned: readonly ShareFigures[];
  lived: readonly ShareFigures[];
  marks: readonly ParentMark[];
  caption: string;
}) {
  const figure = (list: readonly ShareFigures[], parentId: string) => list.find((entry) => entry.parentId === parentId);
  const rows: { label: string; list: readonly ShareFigures[]; value: (entry: ShareFigures) => string }[] = [
    { label: 'Overnights as planned', list: planned, value: (entry) => NUMBER.format(entry.overnights) },
    { label: 'Overnights as lived', list: lived, value: (entry) => NUMBER.format(entry.overnights) },
    { label: 'Hours as planned', list: planned, value: (entry) => NUMBER.format(entry.hours) },
    { label: 'Hours as lived', list: lived, value: (entry) => NUMBER.format(entry.hours) },
    { label: 'Share as planned', list: planned, value: (entry) => `${NUMBER.format(entry.percent)}%` },
    { label: 'Share as lived', list: lived, value: (entry) => `${NUMBER.format(entry.percent)}%` },
  ];
  return (
    <table>
      <caption className="terms-label">{caption}</caption>
      <thead>
        <tr>
          <td />
          {marks.map((mark) => (
            <th key={mark.parentId} scope="col">
              {mark.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {marks.map((mark) => {
              const entry = figure(row.list, mark.parentId);
              return (
                <td key={mark.parentId} className="number">
                  {entry ? row.value(entry) : '–'}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
