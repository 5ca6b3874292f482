import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { getJson, type CountyNotice as Notice } from '../api';
import { Problems } from './problems';

/** The link a villager's phone opens from the board: the village's own page on this service. */
export const villageLink = (origin: string, villageId: string) => `${origin}/v/${encodeURIComponent(villageId)}`;

function Qr({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
  }, [text]);
  return src ? <img class="qr" src={src} alt={label} width={150} height={150} /> : null;
}

/** 公示: one printed page per village of a county, with its card and a QR code of its page. */
export function NoticeView({ countyId }: { countyId: string }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getJson<Notice>(`/v1/notices/${encodeURIComponent(countyId)}`).then(setNotice, setError);
  }, [countyId]);
  if (error) return <Problems error={error} />;
  if (!notice) return <p class="loading">加载中…</p>;
  return (
    <section class="notice">
      <div class="no-print">
        <h1>
          {notice.city}
          {notice.county} 一村(社区)一法律顾问公示
        </h1>
        <p>
          共 {notice.items.length} 个村(社区),每页一个。<button type="button" onClick={() => window.print()}>打印</button>
        </p>
      </div>
      {notice.items.map((c) => (
        <article class="notice-page" key={c.village.id}>
          <h2>{c.village.name} 法律顾问公示</h2>
          <p class="place">{[c.village.city, c.village.county, c.village.town].filter(Boolean).join(' ')}</p>
          {c.adviser ? (
            <dl>
              <dt>法律顾问</dt>
              <dd>{c.adviser.name}</dd>
              <dt>所在律师事务所</dt>
              <dd>{c.adviser.firm}</dd>
              {c.adviser.phone && (
                <>
                  <dt>联系电话</dt>
                  <dd>{c.adviser.phone}</dd>
                </>
              )}
              {c.adviser.wechat && (
                <>
                  <dt>微信</dt>
                  <dd>{c.adviser.wechat}</dd>
                </>
              )}
              <dt>服务时间</dt>
              <dd>{c.serviceTimes}</dd>
              <dt>服务内容</dt>
              <dd>{c.serviceContent}</dd>
              {c.supervisingBureau && (
                <>
                  <dt>监督单位</dt>
                  <dd>
                    {c.supervisingBureau.bureau},电话 {c.supervisingBureau.phone}
                  </dd>
                </>
              )}
              {c.complaintEmail && (
                <>
                  <dt>投诉邮箱</dt>
                  <dd>{c.complaintEmail}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>本村(社区)暂未公布法律顾问。</p>
          )}
          <div class="qr-box">
            <Qr text={villageLink(location.origin, c.village.id)} label={`${c.village.name}的法律顾问页面二维码`} />
            <p>微信或手机扫码查看法律顾问和最近的服务时间</p>
          </div>
          <p class="small">
            {c.publishedBy} {c.publishedAt.slice(0, 10)} 公布
          </p>
        </article>
      ))}
    </section>
  );
}
