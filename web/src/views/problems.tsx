import { ApiError } from '../api';

/** A refusal as the service explained it: its detail, then every failing field (sheet, row and column for a workbook). */
export function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <p class="error" role="alert">出错了:{String((error as Error).message ?? error)}</p>;
  return (
    <div class="error" role="alert">
      <p>
        <strong>{error.title}</strong>
        {error.detail && error.detail !== error.title ? `:${error.detail}` : ''}
      </p>
      {error.errors.length > 0 && (
        <ul class="problems">
          {error.errors.map((p, i) => (
            <li key={i}>
              {/* a workbook's problem names its sheet, row and column in words already */}
              {p.path.includes('!') ? p.message : (
                <>
                  <code>{p.path}</code> {p.message}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {error.errorCount > error.errors.length && <p>共 {error.errorCount} 处问题,以上列出前 {error.errors.length} 处。</p>}
    </div>
  );
}
