/**
 * The web app the service serves itself: the bureaus' console at `/` (a Vite build in `dist/web`,
 * `web/` in the source) and the villagers' page at `/v/:villageId`, written here on the server from
 * the public card, so that a slow phone gets a few kB of HTML and no script at all.
 */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicCard } from '../../io/public-cards.js';
import type { PublicDirectory } from '../public-directory.js';

/** dist/web, next to dist/http in a build and under the repository root when run from src/ with tsx */
export function webRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', '..', 'dist', 'web');
}

/** The console's pages: scripts and styles from this origin only; Leaflet sets inline styles and draws to canvas. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** The villager's page has no script at all. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** The villager's page: R14's card in plain Chinese, mobile first, readable without a key. */
export function villagerPage(card: PublicCard | undefined, villageId: string): string {
  const title = card ? `${card.village.name} 的法律顾问` : '本村(社区)的法律顾问';
  const place = card ? [card.village.city, card.village.county, card.village.town].filter(Boolean).join(' ') : '';
  let body: string;
  if (!card || !card.adviser) {
    body = `<h1>${escape(card?.village.name ?? '本村(社区)')}</h1>
<p class="none" role="status">本村(社区)暂未公布法律顾问。</p>
<p>如需法律帮助,可拨打公共法律服务热线 <a href="tel:12348">12348</a>,或前往所在镇(街)公共法律服务工作站。</p>
<p class="small">村(社区)编号 ${escape(villageId)}</p>`;
  } else {
    const a = card.adviser;
    const visits = card.nextVisits.length
      ? `<ol class="visits">${card.nextVisits
          .map((v) => `<li><span class="date">${escape(v.date.slice(5).replace('-', '月'))}日 ${escape(v.weekday)}</span> ${escape(v.start)}–${escape(v.end)} <span class="kind">${escape(v.kindName)}</span></li>`)
          .join('')}</ol>`
      : '';
    const bureau = card.supervisingBureau;
    body = `<h1>${escape(card.village.name)}</h1>
<p class="place">${escape(place)}</p>
<section aria-labelledby="adviser"><h2 id="adviser">法律顾问</h2>
<p class="name">${escape(a.name)}</p>
<p>${escape(a.firm)}</p>
${a.phone ? `<p><a class="call" href="${escape(telHref(a.phone))}">拨打电话 ${escape(a.phone)}</a></p>` : ''}
${a.wechat ? `<p>微信:${escape(a.wechat)}</p>` : ''}
${a.email ? `<p>邮箱:<a href="mailto:${escape(a.email)}">${escape(a.email)}</a></p>` : ''}
</section>
<section aria-labelledby="times"><h2 id="times">服务时间</h2>${visits}<p>${escape(card.serviceTimes)}</p></section>
<section aria-labelledby="content"><h2 id="content">服务内容</h2><p>${escape(card.serviceContent)}</p></section>
<section aria-labelledby="supervise"><h2 id="supervise">监督</h2>
${bureau ? `<p>监督单位:${escape(bureau.bureau)},电话 <a href="${escape(telHref(bureau.phone))}">${escape(bureau.phone)}</a>${bureau.email ? `,邮箱 ${escape(bureau.email)}` : ''}</p>` : ''}
${card.complaintEmail ? `<p>投诉邮箱:<a href="mailto:${escape(card.complaintEmail)}">${escape(card.complaintEmail)}</a></p>` : ''}
<p class="small">由${escape(card.publishedBy)}于 ${escape(card.publishedAt.slice(0, 10))} 公布</p></section>`;
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:1rem;max-width:36rem;margin-inline:auto;line-height:1.6;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.05rem;margin:1.2rem 0 .3rem;color:#8a1c1c;border-bottom:1px solid #e5d5d5}
.place,.small{color:#555;font-size:.9rem}.name{font-size:1.3rem;font-weight:600;margin:.2rem 0}
.call{display:inline-block;padding:.6rem 1rem;background:#b22222;color:#fff;border-radius:.4rem;text-decoration:none;font-size:1.1rem}
.visits{padding-left:1.2rem}.kind{color:#8a1c1c}.none{font-size:1.1rem;font-weight:600}
a{color:#8a1c1c}
</style></head>
<body><main>${body}</main></body></html>`;
}

export const webRoutes: FastifyPluginAsyncZod<{ directory: PublicDirectory; rateLimit: number; root?: string }> = async (app, { directory, rateLimit, root = webRoot() }) => {
  app.get(
    '/v/:villageId',
    {
      config: { access: { kind: 'public' }, rateLimit: { max: rateLimit, timeWindow: '1 minute' } },
      schema: { hide: true, params: z.object({ villageId: z.string().min(1).max(100) }) },
    },
    async (request, reply) => {
      const entry = directory.lookup(request.params.villageId);
      const card = entry ? (JSON.parse(entry.body.toString('utf8')) as PublicCard) : undefined;
      return reply
        .status(card ? 200 : 404)
        .header('content-security-policy', PAGE_CSP)
        .header('cache-control', 'public, max-age=300')
        .type('text/html; charset=utf-8')
        .send(villagerPage(card, request.params.villageId));
    },
  );

  // The console is there only once built (`npm run build`; `npm ci` builds it); the API works without it.
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, serve: false, index: false });
  const page = { config: { access: { kind: 'public' as const } }, schema: { hide: true } };
  app.get('/', page, (_request, reply) => reply.header('content-security-policy', CONSOLE_CSP).sendFile('index.html', { maxAge: 0 }));
  app.get('/assets/*', page, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    // Vite's file names carry their content hash: cached for a year.
    return reply.sendFile(join('assets', file), { maxAge: 31_536_000_000, immutable: true });
  });
};
