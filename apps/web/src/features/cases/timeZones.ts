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
