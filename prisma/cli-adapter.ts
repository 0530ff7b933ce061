/**
 * The driver adapter the Prisma CLI uses (migrate deploy/diff/dev). Loaded only by
 * `prisma.config.ts`, never by the application.
 *
 * Why this file exists: @prisma/adapter-pg 6.19.3 has three bugs that stop the
 * offline (JS/wasm) schema engine from working — see docs in stack.md:
 *  1. catalog columns of type "char" (oid 18) and name (oid 19) cannot be
 *     deserialised, so even `migrate deploy` on an empty database fails;
 *  2. `executeScript` splits SQL on every `;`, breaking `$$` bodies and literals;
 *  3. the shadow database pool connects to the *main* database when given a
 *     connection string.
 * And one more found here: the schema engine replays a whole migration file on the
 * shadow database through `executeRaw`, i.e. as one prepared statement, which
 * PostgreSQL rejects for several commands. Parameterless multi-statement SQL is
 * therefore sent with the simple protocol too.
 * We patch the first two on the adapter's prototype (this process only) and wrap
 * the factory for the third.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type Patchable = {
  performIO(query: unknown): Promise<{ fields: Array<{ dataTypeID: number }> }>;
  executeScript(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

let patched = false;

function patchQueryablePrototype(adapter: object): void {
  if (patched) return;
  // adapter → PrismaPgAdapter.prototype (owns executeScript) → PgQueryable.prototype
  // (owns performIO, shared with transactions)
  const adapterPrototype = Object.getPrototypeOf(adapter) as Patchable;
  const queryable = Object.getPrototypeOf(adapterPrototype) as Patchable;
  const performIO = queryable.performIO;
  queryable.performIO = async function (this: Patchable, query: unknown) {
    const { sql, args } = query as { sql: string; args: unknown[] };
    if (args.length === 0 && /;\s*\S/.test(sql)) {
      const results = (await this.client.query(sql)) as unknown as { rowCount?: number } | Array<{ rowCount?: number }>;
      const list = Array.isArray(results) ? results : [results];
      return { fields: [], rows: [], rowCount: list.reduce((sum, r) => sum + (r.rowCount ?? 0), 0) } as never;
    }
    const result = await performIO.call(this, query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID || field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  adapterPrototype.executeScript = async function (this: Patchable, script: string) {
    try {
      // One simple-protocol query: keeps `$$` bodies intact and the script atomic.
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  patched = true;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export function createCliAdapter(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      patchQueryablePrototype(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      const database = `prisma_shadow_${process.pid}_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      await admin.end();
      const shadowFactory = new PrismaPg({ connectionString: withDatabase(connectionString, database) });
      const adapter = await shadowFactory.connect();
      patchQueryablePrototype(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const cleanup = new pg.Client({ connectionString });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await cleanup.end();
      };
      return adapter;
    },
  };
}
