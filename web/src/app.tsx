import { useEffect, useState } from 'preact/hooks';
import { getJson, type Me } from './api';
import { useRoute } from './route';
import { session } from './session';
import { PlanView } from './views/plan';
import { ScenariosView } from './views/scenarios';
import { SignIn } from './views/sign-in';

const SCOPE_NAMES = { admin: '全省管理员', city: '地级市', county: '县(市、区)' } as const;

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(session.key() !== null);
  const route = useRoute();

  useEffect(() => {
    const out = () => setMe(null);
    window.addEventListener('ovola:signed-out', out);
    if (session.key()) getJson<Me>('/v1/me').then(setMe, () => setMe(null)).finally(() => setChecking(false));
    return () => window.removeEventListener('ovola:signed-out', out);
  }, []);

  if (checking) return <p class="loading">正在核对密钥…</p>;
  if (!me) return <SignIn onSignedIn={setMe} />;
  const [screen = 'scenarios'] = route;
  return (
    <>
      <header class="top">
        <a class="brand" href="#/scenarios">一村(社区)一法律顾问</a>
        <nav aria-label="主菜单">
          <a href="#/scenarios" aria-current={screen === 'scenarios' ? 'page' : undefined}>情景与方案</a>
        </nav>
        <span class="who" title={me.scope}>
          {me.label} · {SCOPE_NAMES[me.kind]}
          {me.code ? ` ${me.code}` : ''}
        </span>
        <button
          type="button"
          class="link"
          onClick={() => {
            session.signOut();
            setMe(null);
          }}
        >
          退出
        </button>
      </header>
      <main>
        {screen === 'scenarios' && route[1] ? (
          <PlanView key={route[1]} scenarioId={route[1]} />
        ) : screen === 'scenarios' ? (
          <ScenariosView me={me} />
        ) : (
          <p>
            未找到此页面。<a href="#/scenarios">返回情景列表</a>
          </p>
        )}
      </main>
    </>
  );
}
