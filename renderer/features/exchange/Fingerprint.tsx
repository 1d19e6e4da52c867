// A key fingerprint as six large groups of five digits, spaced to be read aloud group by group (like a
// safety number); the groups come from the backend (shared/exchange/envelope.ts fingerprintDigits).
import './exchange.css';

export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <div className="fingerprint" role="group" aria-label={label} data-testid="fingerprint">
      {value.split(' ').map((group, i) => (
        <span key={i} className="fingerprint-group">{group}</span>
      ))}
    </div>
  );
}
