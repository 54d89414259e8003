import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { fromBuffer, Entry, ZipFile } from 'yauzl';
import { loadResources } from '../../bot/i18n';
import { TEAMS_APPS, valuesFromConfig, writePackage } from '../../scripts/teams-package';

// Microsoft's published manifest schemas, as the @microsoft/app-manifest package ships them.
const SCHEMAS = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const VALUES = { botId: '8a6f3f52-4a4e-4d35-9d51-2d1b2c7e9a10', publicBaseUrl: 'https://app-puente-abc.azurewebsites.net' };
const out = mkdtempSync(join(tmpdir(), 'puente-teams-'));
after(() => rmSync(out, { recursive: true, force: true }));

function validator(version: string, file: string): { (data: unknown): boolean; errors?: unknown } {
  // The schemas' patterns are written for non-Unicode regular expressions (e.g. a bare `]`).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `v${version}`, file), 'utf8')));
}

/** Every entry of a zip, by name. */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(readFileSync(path), { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) =>
      zip.openReadStream(entry, async (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Width, height and PNG colour type (6 = RGBA, i.e. with transparency) from the IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] };
}

const resources = loadResources();

for (const app of TEAMS_APPS) {
  test(`the ${app} app package: a schema-valid manifest with the configured bot id and domain, Spanish strings, both icons`, async () => {
    const entries = await unzip(await writePackage(app, VALUES, out));
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'es-us.json', 'manifest.json', 'outline.png']);
    const manifest: any = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    const spanish: any = JSON.parse(entries.get('es-us.json')!.toString('utf8'));

    const validateManifest = validator(manifest.manifestVersion, 'MicrosoftTeams.schema.json');
    assert.ok(validateManifest(manifest), JSON.stringify(validateManifest.errors, null, 2));
    const validateStrings = validator(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
    assert.ok(validateStrings(spanish), JSON.stringify(validateStrings.errors, null, 2));

    assert.equal(manifest.bots[0].botId, VALUES.botId);
    assert.deepEqual(manifest.validDomains, ['app-puente-abc.azurewebsites.net']);
    assert.deepEqual(manifest.bots[0].scopes, app === 'participant' ? ['personal'] : ['team']);
    assert.doesNotMatch(JSON.stringify(manifest), /{{|\$key/, 'no placeholder left');

    const en = (resources.en.teams as any)[app];
    const es = (resources.es.teams as any)[app];
    assert.deepEqual([manifest.name, manifest.description], [en.name, en.description]);
    assert.equal(spanish['name.full'], es.name.full);
    assert.equal(spanish['description.full'], es.description.full);
    if (app === 'participant') {
      assert.deepEqual(
        manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title),
        ['check in', 'tip', 'menu', 'help'],
        'commands the bot understands in English',
      );
      assert.equal(spanish['bots[0].commandLists[0].commands[0].title'], 'registro', 'and in Spanish');
    }

    assert.deepEqual(pngHeader(entries.get('color.png')!), { width: 192, height: 192, colorType: 6 });
    assert.deepEqual(pngHeader(entries.get('outline.png')!), { width: 32, height: 32, colorType: 6 });
  });
}

test('the two apps are distinct Teams apps carrying the same bot', async () => {
  const ids = await Promise.all(
    TEAMS_APPS.map(async (app) => JSON.parse((await unzip(await writePackage(app, VALUES, out))).get('manifest.json')!.toString('utf8'))),
  );
  assert.notEqual(ids[0].id, ids[1].id);
  assert.equal(ids[0].bots[0].botId, ids[1].bots[0].botId);
});

test('packaging takes the bot id and URL from configuration and refuses what Teams would reject', () => {
  const env = { MicrosoftAppId: VALUES.botId, MicrosoftAppPassword: 'secret', PUBLIC_BASE_URL: `${VALUES.publicBaseUrl}/` };
  assert.deepEqual(valuesFromConfig(env), VALUES);
  assert.throws(() => valuesFromConfig({ ...env, MicrosoftAppId: '' }), /MicrosoftAppId is required for a Teams app package/);
  assert.throws(() => valuesFromConfig({ ...env, PUBLIC_BASE_URL: '' }), /PUBLIC_BASE_URL must be the service's https:\/\/ address/);
  assert.throws(() => valuesFromConfig({ ...env, PUBLIC_BASE_URL: 'http://localhost:3978' }), /https:\/\//);
});
