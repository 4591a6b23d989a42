import { useEffect, useState } from 'react';

/** Dark squares of a QR code as one SVG path, with the 4-module quiet zone scanners need. */
export function qrPath(size: number, isDark: (row: number, column: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (isDark(row, column)) parts.push(`M${column + 4} ${row + 4}h1v1h-1z`);
    }
  }
  return parts.join('');
}

type Matrix = { size: number; path: string };

/**
 * `text` as a QR code, drawn here from the `qrcode` library (loaded when first needed):
 * the secret never leaves the browser for an image service.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('qrcode').then(
      (library) => {
        const { modules } = library.create(text, { errorCorrectionLevel: 'M' });
        const path = qrPath(modules.size, (row, column) => Boolean(modules.get(row, column)));
        if (current) setMatrix({ size: modules.size, path });
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [text]);

  if (failed) return <p className="muted">The QR code could not be drawn. Please type the key below instead.</p>;
  if (!matrix) return <div className="qr-code qr-code--loading" aria-hidden="true" />;
  const extent = matrix.size + 8;
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={matrix.path} fill="#000" />
    </svg>
  );
}
