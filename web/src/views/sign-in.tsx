import { useState } from 'preact/hooks';
import { ApiError, getJson, type Me } from '../api';
import { session } from '../session';

/** Sign in with the API key the bureau was given; it stays in this tab's session only. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    session.signIn(key.trim());
    try {
      onSignedIn(await getJson<Me>('/v1/me'));
    } catch (err) {
      session.signOut();
      setError(err instanceof ApiError && err.status === 401 ? '密钥无效或已被撤销,请向管理员核实。' : `无法登录:${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>一村(社区)一法律顾问 · 工作台</h1>
      <form onSubmit={submit}>
        <label for="key">API 密钥</label>
        <input id="key" name="key" type="password" autoComplete="off" required value={key} onInput={(e) => setKey(e.currentTarget.value)} placeholder="ovk_…" />
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? '登录中…' : '登录'}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <p class="hint">密钥只保存在本标签页中,关闭后需重新输入。</p>
      </form>
    </main>
  );
}
