import { useEffect, useState } from 'preact/hooks';
import { getJson, type Me } from './api';
import { go, useRoute } from './route';
import { session } from './session';
import { CalendarView } from './views/calendar';
import { CompareView } from './views/compare';
import { NoticeView } from './views/notice';
import { ReplanView } from './views/replan';
import { PublishView } from './views/publish';
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
  const [screen = 'scenarios', id, sub] = route;
  const page = (() => {
    if (screen === 'scenarios' && !id) return <ScenariosView me={me} />;
    if (screen === 'scenarios' && id) return <PlanView key={id} scenarioId={id} />;
    if (screen === 'solutions' && id && sub === 'publish') return <PublishView solutionId={id} />;
    if (screen === 'solutions' && id && sub === 'replan') return <ReplanView solutionId={id} lawyerId={route[3]} me={me} />;
    if (screen === 'compare' && id && sub) return <CompareView a={id} b={sub} />;
    if (screen === 'calendars' && id) return <CalendarView calendarId={id} />;
    if (screen === 'notice') return id ? <NoticeView countyId={id} /> : <NoticePicker me={me} />;
    return (
      <p>
        未找到此页面。<a href="#/scenarios">返回情景列表</a>
      </p>
    );
  })();
  return (
    <>
      <header class="top">
        <a class="brand" href="#/scenarios">一村(社区)一法律顾问</a>
        <nav aria-label="主菜单">
          <a href="#/scenarios" aria-current={screen === 'scenarios' ? 'page' : undefined}>情景与方案</a>
          <a href={me.kind === 'county' ? `#/notice/${me.code}` : '#/notice'} aria-current={screen === 'notice' ? 'page' : undefined}>
            公示打印
          </a>
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
      <main>{page}</main>
    </>
  );
}

/** A city or the province picks the county whose notice to print. */
function NoticePicker({ me }: { me: Me }) {
  const [code, setCode] = useState(me.kind === 'city' ? me.code ?? '' : '');
  return (
    <form
      class="upload"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) go('notice', code.trim());
      }}
    >
      <label for="county">县(市、区)代码</label>
      <input id="county" type="text" inputMode="numeric" value={code} onInput={(e) => setCode(e.currentTarget.value)} placeholder="如 440103" />
      <button type="submit">打开公示</button>
    </form>
  );
}
