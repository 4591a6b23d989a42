/**
 * A short, human description of a browser and its system from the User-Agent, such as
 * "Chrome on Android": shown in the sessions list and used to tell a new device. Only
 * families, never versions, so that an update does not look like a new device.
 */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  if (!ua.trim()) return 'Unknown device';
  return `${browserOf(ua)} on ${systemOf(ua)}`;
}

function browserOf(ua: string): string {
  // Order matters: most browsers also claim to be Chrome, Safari and Mozilla.
  const rules: [RegExp, string][] = [
    [/\bEdg(e|A|iOS)?\//, 'Edge'],
    [/\bOPR\/|\bOpera\b/, 'Opera'],
    [/\bSamsungBrowser\//, 'Samsung Internet'],
    [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
    [/\bHeadlessChrome\//, 'Headless Chrome'],
    [/\bCriOS\/|\bChrome\/|\bChromium\//, 'Chrome'],
    [/\bSafari\//, 'Safari'],
    [/^curl\//, 'curl'],
    [/^(node|undici|axios|node-fetch)\b/i, 'a program'],
  ];
  return rules.find(([pattern]) => pattern.test(ua))?.[1] ?? 'Another browser';
}

function systemOf(ua: string): string {
  const rules: [RegExp, string][] = [
    [/\bAndroid\b/, 'Android'],
    [/\biPad\b/, 'iPad'],
    [/\biPhone\b|\biPod\b/, 'iPhone'],
    [/\bCrOS\b/, 'ChromeOS'],
    [/\bWindows\b/, 'Windows'],
    [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
    [/\bLinux\b/, 'Linux'],
  ];
  return rules.find(([pattern]) => pattern.test(ua))?.[1] ?? 'an unknown system';
}
