/** A determinate bar when the total is known, an indeterminate one otherwise. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : null;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
      <div className="progress-label">{label}{percent !== null && ` ${percent}%`}</div>
      <div className="progress-track">
        <div className={percent === null ? 'progress-fill indeterminate' : 'progress-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
