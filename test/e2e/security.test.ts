// Browser mode listens on 127.0.0.1, where every local program and every web page the user opens can reach
// it. The server's guards (electron/browser/http-server.ts): Host (DNS rebinding), Origin (other sites),
// the per-launch token (other local programs and pages), then well-formed JSON. Each refusal is checked with
// a request that would otherwise succeed, proven by sending the same request properly at the end, and
// each is followed by a tokened read showing nothing was written.
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticCreditCode } from '../support/credit-codes';
import { dossierInput } from '../support/dossiers';
import { useAppFixture } from './support/app';
import { DossierListPage } from './support/dossier-pages';
import { request, type RawRequest, type RawResponse } from './support/http';

const LEGAL_NAME = '杭州越权测试科技有限公司';
/** A complete, valid dossiers.create body: only the request's credentials decide whether it is written. */
const CREATE_BODY = JSON.stringify(dossierInput({ legalName: LEGAL_NAME, creditCode: syntheticCreditCode(999) }));

describe('browser-mode API guards', () => {
  const fixture = useAppFixture();

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '王评审' });
  });

  /** A dossiers.create request with the valid body and the real Host (node:http sets it); each test adds the headers it is about. */
  const create = (overrides: Partial<RawRequest> = {}): Promise<RawResponse> =>
    request(fixture.server.port, {
      path: '/api/dossiers.create',
      body: CREATE_BODY,
      ...overrides,
      headers: { 'Content-Type': 'application/json', ...overrides.headers },
    });
  const tokenHeader = () => ({ 'X-Review-Desk-Token': fixture.server.token });
  const namedDossiers = async () => (await fixture.server.call('dossiers.list', { search: LEGAL_NAME, status: 'all' })).total;

  /** Runs a refused attempt and checks that the database is exactly as before. */
  async function refused(attempt: () => Promise<{ status: number; text: string }>, status: number): Promise<string> {
    const before = { total: await fixture.server.dossierTotal(), named: await namedDossiers() };
    const response = await attempt();
    expect(response.status, response.text).toBe(status);
    expect({ total: await fixture.server.dossierTotal(), named: await namedDossiers() }).toEqual(before);
    return response.text;
  }

  it('refuses a call without the token, or with a wrong one (401), and writes nothing', async () => {
    const body = await refused(() => create(), 401);
    expect(body).not.toContain(LEGAL_NAME);
    await refused(() => create({ headers: { 'X-Review-Desk-Token': fixture.server.token.slice(0, -1) + (fixture.server.token.endsWith('A') ? 'B' : 'A') } }), 401);
    // Nor does a read leak anything without it.
    const list = await refused(() => request(fixture.server.port, { path: '/api/dossiers.list', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 401);
    expect(list).not.toContain('items');
  });

  it('refuses a call from another origin even with the token (403), and writes nothing', async () => {
    await refused(() => create({ headers: { ...tokenHeader(), Origin: 'http://evil.example' } }), 403);
    // Another port on the same machine is another origin too.
    await refused(() => create({ headers: { ...tokenHeader(), Origin: `http://127.0.0.1:${fixture.server.port + 1}` } }), 403);
  });

  it('refuses a request for another Host name, as a DNS-rebinding page would send (421), and writes nothing', async () => {
    await refused(() => create({ headers: { ...tokenHeader(), Host: `evil.example:${fixture.server.port}` } }), 421);
    // The app itself (and so the token-capturing page) is not served under a foreign name either.
    const page = await request(fixture.server.port, { method: 'GET', path: '/', headers: { Host: `evil.example:${fixture.server.port}` } });
    expect(page.status).toBe(421);
  });

  it('refuses malformed JSON (400), and writes nothing', async () => {
    await refused(() => create({ headers: tokenHeader(), body: CREATE_BODY.slice(0, -1) }), 400);
  });

  it('accepts the very same create request with the token from its own origin (the control for the refusals above)', async () => {
    const before = await fixture.server.dossierTotal();
    const response = await create({ headers: { ...tokenHeader(), Origin: fixture.server.origin } });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, value: { legalName: LEGAL_NAME } });
    expect(await fixture.server.dossierTotal()).toBe(before + 1);
  });

  it('takes the token out of the address bar, and without the token the page shows an error, not data', async () => {
    const app = await fixture.open();
    await new DossierListPage(app.page).waitUntilLoaded();
    expect(app.page.url()).toBe(`${fixture.server.origin}/#/dossiers`);
    expect(app.errors).toEqual([]);
    await app.close();

    // The bare address, as someone who only knows the port would open it.
    const bare = await fixture.open(`${fixture.server.origin}/`);
    await bare.page.getByRole('alert').getByText('缺少访问令牌').waitFor();
    expect(await bare.page.locator('table').count()).toBe(0);
  });
});
