/**
 * The catalog's HTTP API, a Hono sub-app the web mounts (e.g. `app.route('/api/catalog', catalogApi(deps))`).
 * JSON in and out, validated with zod; every route calls one action or query. The signed-in user comes from
 * the context variable `user` (set by the web's session middleware); errors are AppErrors, mapped to statuses
 * by the web's one error handler. Public: search, published items and attachments, feeds, sitemap.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { getAgency, subtreeIds } from '../agencies/tree.ts';
import { parseInput, signedInUser } from '../api-input.ts';
import { can, requirePermission, type SessionUser } from '../auth/roles.ts';
import { catalogItems } from '../db/schema/catalog.ts';
import { AppError } from '../errors.ts';
import { publicAddress } from '../public-url.ts';
import { templateForYear } from '../report/templates/index.ts';
import { addAttachment, removeAttachment } from './actions/add-attachment.ts';
import { approveStep } from './actions/approve-step.ts';
import { createItem } from './actions/create-item.ts';
import { enterMonthlyFigures } from './actions/enter-monthly-figures.ts';
import { importItems } from './actions/import-items.ts';
import { maskItemPersonalData } from './actions/mask-personal-data.ts';
import { overridePersonalData } from './actions/override-personal-data.ts';
import { replaceAttachment } from './actions/replace-attachment.ts';
import { returnItem } from './actions/return-item.ts';
import { requireSettingsRight, saveCatalogSettings } from './actions/save-settings.ts';
import { setValidity } from './actions/set-validity.ts';
import { submitItem } from './actions/submit-item.ts';
import { updateItem } from './actions/update-item.ts';
import { withdrawItem } from './actions/withdraw-item.ts';
import type { CatalogDeps } from './change.ts';
import { attachmentHandlings, describeFinding, itemPersonalData } from './content-check.ts';
import { atomFeed, type FeedEntry, type FeedInfo, jsonFeed, rssFeed, sitemap } from './feeds.ts';
import { itemFieldsSchema } from './item-fields.ts';
import { attachmentContent, disclosureFlags, itemDetail, recentPublished } from './queries.ts';
import { computeCatalogSection, drillCatalogCell } from './report-section.ts';
import { htmlToText } from './sanitize.ts';
import { searchCatalog } from './search.ts';
import { directoryOf, reviewChainOf, settingsOf, settingsVersion } from './settings.ts';
import { validities } from './vocabulary.ts';

export interface CatalogEnv {
  Variables: { user: SessionUser | null };
}

export interface CatalogApiOptions extends CatalogDeps {
  /** The portal page of an item (feeds, sitemap). Default `/catalog/<id>`. */
  itemPath?: (id: number) => string;
  /** Feed title. */
  title?: string;
  /** The site's public origin behind a reverse proxy (src/public-url.ts); else the request's own. */
  publicOrigin?: string;
}

const id = z.coerce.number().int().positive();
const checklist = z.object({ stateSecret: z.boolean(), commercialSecret: z.boolean(), privacy: z.boolean() });
const version = z.number().int().positive().optional();

const searchQuery = z.object({
  q: z.string().max(200).optional(),
  agency: id.optional(),
  subtree: z.enum(['0', '1']).optional(),
  category: z.string().max(50).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.enum(['rule', 'normative', 'interpretation', 'other']).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

const scopeQuery = z.object({
  agency: id,
  year: z.coerce.number().int().min(2008).max(2100),
  subtree: z.enum(['0', '1']).optional(),
});

export function catalogApi(opts: CatalogApiOptions): Hono<CatalogEnv> {
  const deps = { db: opts.db, clock: opts.clock };
  const itemPath = opts.itemPath ?? ((n: number) => `/catalog/${n}`);
  const app = new Hono<CatalogEnv>();

  const scopeIds = async (agency: number, subtree?: string) =>
    subtree === '1' ? subtreeIds(deps.db, agency) : [agency];

  // ── public ────────────────────────────────────────────────────────────────
  app.get('/search', async (c) => {
    const q = parseInput(searchQuery, c.req.query());
    const result = await searchCatalog(deps.db, {
      q: q.q,
      agencyIds: q.agency ? await scopeIds(q.agency, q.subtree ?? '1') : undefined,
      category: q.category,
      year: q.year,
      docType: q.type,
      today: deps.clock.today(),
      publishedBy: deps.clock.today(),
      limit: q.size,
      offset: (q.page - 1) * q.size,
      countTotal: true,
    });
    return c.json({ ...result, page: q.page, size: q.size });
  });

  const visible = async (c: { get(key: 'user'): SessionUser | null }, itemId: number) => {
    const detail = await itemDetail(deps.db, itemId);
    const user = c.get('user');
    const insider = user ? can(user, 'catalog.read', detail.item.agencyId) : false;
    if (detail.item.state !== 'published' && !insider) throw new AppError('not_found', `目录信息不存在：${itemId}`);
    return { detail, insider };
  };

  app.get('/items/:id', async (c) => {
    const { detail, insider } = await visible(c, parseInput(id, c.req.param('id')));
    if (insider) {
      const findings = await itemPersonalData(deps.db, detail.item);
      return c.json({
        ...detail,
        personalData: findings.map((f) => ({ ...f, text: describeFinding(f) })),
        attachmentHandling: await attachmentHandlings(deps.db, detail.item.id),
      });
    }
    const { reviews: _r, item, ...rest } = detail;
    const { piiOverride: _p, createdBy: _c, submittedBy: _s, reviewChain: _rc, reviewStep: _st, ...publicItem } = item;
    return c.json({ ...rest, item: publicItem });
  });

  app.get('/items/:id/attachments/:aid', async (c) => {
    const itemId = parseInput(id, c.req.param('id'));
    await visible(c, itemId);
    const att = await attachmentContent(deps.db, itemId, parseInput(id, c.req.param('aid')));
    return c.body(Buffer.from(att.content), 200, {
      'content-type': att.mediaType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(att.filename)}`,
      'x-content-type-options': 'nosniff',
      etag: `"${att.sha256}"`,
    });
  });

  const entries = async (origin: string): Promise<FeedEntry[]> =>
    (await recentPublished(deps.db, 50, deps.clock.today())).map((r) => ({
      id: r.id,
      indexNo: r.indexNo,
      title: r.title,
      url: `${origin}${itemPath(r.id)}`,
      publishedOn: r.publishedOn ?? '',
      updatedAt: r.updatedAt,
      summary: htmlToText(r.body).slice(0, 200),
      agency: r.agency,
    }));
  /** The public address of this request and its origin (behind a reverse proxy, the configured one). */
  const addressOf = (requestUrl: string) => {
    const self = publicAddress(requestUrl, opts.publicOrigin);
    return { self, origin: new URL(self).origin };
  };
  const feedInfo = ({ self, origin }: { self: string; origin: string }): FeedInfo => ({
    title: opts.title ?? '政府信息公开目录',
    self,
    home: `${origin}/catalog`,
  });
  /** One feed of the newest published items, in the format `render` writes, at the request's public address. */
  const feed = (path: string, type: string, render: (info: FeedInfo, items: FeedEntry[]) => string) =>
    app.get(path, async (c) => {
      const at = addressOf(c.req.url);
      return c.body(render(feedInfo(at), await entries(at.origin)), 200, { 'content-type': type });
    });
  feed('/feed.rss', 'application/rss+xml; charset=utf-8', rssFeed);
  feed('/feed.atom', 'application/atom+xml; charset=utf-8', atomFeed);
  feed('/feed.json', 'application/feed+json; charset=utf-8', (info, items) => JSON.stringify(jsonFeed(info, items)));
  app.get('/sitemap.xml', async (c) => {
    const { origin } = addressOf(c.req.url);
    const rows = await deps.db
      .select({ id: catalogItems.id, updatedAt: catalogItems.updatedAt })
      .from(catalogItems)
      .where(and(eq(catalogItems.state, 'published'), lte(catalogItems.publishedOn, deps.clock.today())))
      .orderBy(sql`${catalogItems.id} desc`)
      .limit(50_000);
    const urls = rows.map((r) => ({
      loc: `${origin}${itemPath(r.id)}`,
      lastmod: r.updatedAt.toISOString().slice(0, 10),
    }));
    return c.body(sitemap(urls), 200, { 'content-type': 'application/xml; charset=utf-8' });
  });

  app.get('/directory', async (c) => {
    const agencyId = parseInput(id, c.req.query('agency'));
    const agency = await getAgency(deps.db, agencyId);
    return c.json({
      directory: await directoryOf(deps.db, agency.id, agency.kind),
      reviewChain: await reviewChainOf(deps.db, agency.id),
    });
  });

  // ── console ───────────────────────────────────────────────────────────────
  // Each staff route asks who is signed in before it reads the request: a visitor is told to sign in (401).
  app.post('/items', async (c) => {
    const user = signedInUser(c);
    const body = parseInput(z.object({ agencyId: id, fields: itemFieldsSchema }), await c.req.json());
    return c.json(await createItem(deps, { user, agencyId: body.agencyId, fields: body.fields }), 201);
  });
  app.put('/items/:id', async (c) => {
    const user = signedInUser(c);
    const body = parseInput(z.object({ fields: itemFieldsSchema, version }), await c.req.json());
    return c.json(await updateItem(deps, { user, itemId: parseInput(id, c.req.param('id')), ...body }));
  });
  app.post('/items/:id/attachments', async (c) => {
    const user = signedInUser(c);
    const body = parseInput(
      z.object({
        filename: z.string().min(1).max(255),
        mediaType: z.string().max(200).optional(),
        contentBase64: z.string().min(1),
        version,
      }),
      await c.req.json(),
    );
    const content = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
    return c.json(
      await addAttachment(deps, { user, itemId: parseInput(id, c.req.param('id')), ...body, content }),
      201,
    );
  });
  // 替换附件: a processed file in place of the original (whose bytes are not kept), with a reason.
  app.put('/items/:id/attachments/:aid', async (c) => {
    const user = signedInUser(c);
    const body = parseInput(
      z.object({
        filename: z.string().min(1).max(255),
        mediaType: z.string().max(200).optional(),
        contentBase64: z.string().min(1),
        reason: z.string().max(2000),
        version,
      }),
      await c.req.json(),
    );
    const content = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
    return c.json(
      await replaceAttachment(deps, {
        user,
        itemId: parseInput(id, c.req.param('id')),
        attachmentId: parseInput(id, c.req.param('aid')),
        ...body,
        content,
      }),
    );
  });
  app.delete('/items/:id/attachments/:aid', async (c) =>
    c.json(
      await removeAttachment(deps, {
        user: signedInUser(c),
        itemId: parseInput(id, c.req.param('id')),
        attachmentId: parseInput(id, c.req.param('aid')),
      }),
    ),
  );

  const step = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (user: SessionUser, itemId: number, body: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(`/items/:id/${path}`, async (c) => {
      const user = signedInUser(c);
      const raw = c.req.header('content-type')?.includes('json') ? await c.req.json() : {};
      return c.json(await run(user, parseInput(id, c.req.param('id')), parseInput(schema, raw)));
    });
  step('submit', z.object({ comment: z.string().max(2000).optional(), version }), (user, itemId, b) =>
    submitItem(deps, { user, itemId, ...b }),
  );
  step('approve', z.object({ checklist, comment: z.string().max(2000).optional(), version }), (user, itemId, b) =>
    approveStep(deps, { user, itemId, ...b }),
  );
  step('return', z.object({ comment: z.string().max(2000), version }), (user, itemId, b) =>
    returnItem(deps, { user, itemId, ...b }),
  );
  step('override', z.object({ reason: z.string().max(2000), version }), (user, itemId, b) =>
    overridePersonalData(deps, { user, itemId, ...b }),
  );
  step('mask', z.object({ version }), (user, itemId, b) => maskItemPersonalData(deps, { user, itemId, ...b }));
  step('withdraw', z.object({ reason: z.string().max(2000), version }), (user, itemId, b) =>
    withdrawItem(deps, { user, itemId, ...b }),
  );
  step('validity', z.object({ validity: z.enum(validities), on: z.string(), version }), (user, itemId, b) =>
    setValidity(deps, { user, itemId, ...b }),
  );

  app.post('/figures', async (c) => {
    const user = signedInUser(c);
    const body = parseInput(
      z.object({
        agencyId: id,
        year: z.number().int(),
        month: z.number().int(),
        figures: z.record(z.string(), z.number()),
        source: z.string().max(100).optional(),
      }),
      await c.req.json(),
    );
    return c.json(await enterMonthlyFigures(deps, { user, ...body }));
  });

  app.post('/import', async (c) => {
    const user = signedInUser(c);
    const form = await c.req.parseBody();
    const agencyId = parseInput(id, form.agencyId);
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('bad_input', '请选择要导入的 CSV 或 XLSX 文件');
    const content = new Uint8Array(await file.arrayBuffer());
    return c.json(await importItems(deps, { user, agencyId, filename: file.name, content }));
  });

  // An agency's settings with the version a PUT must send back (a stale PUT is 409, not a silent overwrite).
  app.get('/settings/:agency{[0-9]+}', async (c) => {
    const user = signedInUser(c);
    const agencyId = Number(c.req.param('agency'));
    requireSettingsRight(user, agencyId);
    const row = await settingsOf(deps.db, agencyId);
    return c.json({
      agencyId,
      directory: row?.directory ?? null,
      reviewChain: row?.reviewChain ?? null,
      allowOneReviewer: row?.allowOneReviewer ?? false,
      version: settingsVersion(row),
    });
  });

  app.put('/settings', async (c) => {
    const user = signedInUser(c);
    type Node = { code: string; name: string; children?: Node[] };
    const node: z.ZodType<Node> = z.lazy(() =>
      z.object({
        code: z.string().min(1).max(50),
        name: z.string().min(1).max(200),
        children: z.array(node).optional(),
      }),
    );
    const body = parseInput(
      z.object({
        agencyId: id,
        directory: z.array(node).nullable(),
        reviewChain: z.array(z.string().max(20)).nullable(),
        allowOneReviewer: z.boolean().optional(),
        version: z.string().min(1, '请带上读取设置时得到的 version').max(40),
      }),
      await c.req.json(),
    );
    return c.json(await saveCatalogSettings(deps, { user, ...body }));
  });

  app.get('/section-two', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(scopeQuery, c.req.query());
    requirePermission(user, 'catalog.read', q.agency);
    const agencyIds = await scopeIds(q.agency, q.subtree);
    return c.json({
      format: templateForYear(q.year),
      year: q.year,
      values: await computeCatalogSection(deps.db, { agencyIds, year: q.year }),
    });
  });
  app.get('/section-two/drill', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(scopeQuery.extend({ key: z.string().min(1).max(100) }), c.req.query());
    requirePermission(user, 'catalog.read', q.agency);
    const agencyIds = await scopeIds(q.agency, q.subtree);
    return c.json(await drillCatalogCell(deps.db, { agencyIds, year: q.year, key: q.key }));
  });

  app.get('/flags', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(scopeQuery, c.req.query());
    requirePermission(user, 'catalog.read', q.agency);
    return c.json(await disclosureFlags(deps.db, { agencyIds: await scopeIds(q.agency, q.subtree), year: q.year }));
  });

  return app;
}
