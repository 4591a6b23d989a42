/** The browser's own IANA zone: the likeliest zone for a new case. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, always including its own (some engines list no "UTC"). */
export function timeZoneChoices(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const own = browserTimeZone();
  return known.includes(own) ? [...known] : [own, ...known];
}

/** "new york", "New_York", "america/new" all find "America/New_York"; every word must appear. */
export function filterTimeZones(zones: readonly string[], search: string): string[] {
  const words = search.toLowerCase().replace(/[_/]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...zones];
  return zones.filter((zone) => {
    const name = zone.toLowerCase().replace(/[_/]/g, ' ');
    return words.every((word) => name.includes(word));
  });
}
