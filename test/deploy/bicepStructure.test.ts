import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BicepSource, BicepSyntaxError, blockAt, checkBrackets, declared, scanBicep, topLevelKeys } from './bicepSource';

/**
 * What can be checked of the Bicep templates without the Bicep compiler: brackets, declarations
 * and references, the module calls against the modules' parameters and outputs, and the form of
 * every resource type and API version. Whether a property exists in an API version, and the
 * types of values, only `az bicep build` (or a deployment) can tell.
 */
const INFRA = join(__dirname, '..', '..', 'infra');
const load = (file: string) => scanBicep(file, readFileSync(join(INFRA, file), 'utf8'));
const MAIN = load('main.bicep');
const MODULES = readdirSync(join(INFRA, 'modules'))
  .filter((f) => f.endsWith('.bicep'))
  .map((f) => load(`modules/${f}`));
const ALL = [MAIN, ...MODULES];

/** The parameters of a file, and whether each has a default (`param x string = …`). */
function params(source: BicepSource): Map<string, boolean> {
  return new Map([...source.code.matchAll(/^param (\w+) [\w.]+(\s*=)?/gm)].map((m) => [m[1], Boolean(m[2])]));
}

/** Every name a file declares: parameters, variables, resources, modules, functions and loop variables. */
function symbols(source: BicepSource): Set<string> {
  const loops = [...source.code.matchAll(/\bfor (\w+) in\b/g)].map((m) => m[1]);
  const funcArgs = [...source.code.matchAll(/^func \w+\(([^)]*)\)/gm)].flatMap((m) => [...m[1].matchAll(/(\w+) \w+/g)].map((a) => a[1]));
  return new Set([...['param', 'var', 'resource', 'module', 'func'].flatMap((k) => declared(source, k)), ...loops, ...funcArgs]);
}

/** Uses of a name as a value: not its declaration, not an object key, not a property after a dot. */
function uses(source: BicepSource, name: string): number {
  const all = source.code.match(new RegExp(`(?<![.\\w])${name}\\b`, 'g'))?.length ?? 0;
  const keys = source.code.match(new RegExp(`(^|[{,])[ \\t]*${name}[ \\t]*:`, 'gm'))?.length ?? 0;
  const declarations = source.code.match(new RegExp(`^(param|var|resource|module|output|func) ${name}\\b`, 'gm'))?.length ?? 0;
  return all - keys - declarations;
}

interface ModuleCall {
  name: string;
  path: string;
  passed: string[];
}

function moduleCalls(source: BicepSource): ModuleCall[] {
  return [...source.code.matchAll(/^module (\w+) '/gm)].map((m) => {
    const path = /^module \w+ '([^']+)'/.exec(source.text.slice(m.index))![1];
    const body = blockAt(source, source.code.indexOf('{', m.index));
    const paramsAt = /^\s*params: \{/m.exec(body);
    assert.ok(paramsAt, `module ${m[1]} passes params`);
    const passed = topLevelKeys(blockAt({ ...source, code: body }, paramsAt.index + paramsAt[0].length - 1));
    return { name: m[1], path, passed };
  });
}

test('the lexical check itself: it finds a missing brace, a stray bracket and an open string', () => {
  assert.throws(() => checkBrackets(scanBicep('x.bicep', "resource a 'T@2024-01-01' = {\n  properties: { a: [1, 2 }\n}\n")), BicepSyntaxError);
  assert.throws(() => checkBrackets(scanBicep('x.bicep', "var a = {\n  b: 'c'\n")), /never closed/);
  assert.throws(() => scanBicep('x.bicep', "var a = 'open\n"), /unterminated string/);
  // Brackets in strings, comments and interpolations are not code; escaped quotes do not end a string.
  checkBrackets(scanBicep('x.bicep', "// ({[\nvar a = 'it\\'s ({['\nvar b = '${union(x, { y: 'z}' })}/x'\n/* ] */\n"));
  assert.deepEqual(topLevelKeys(" a: x, b: { c: d }\n e: f(g, h)\n"), ['a', 'b', 'e']);
});

test('every template has balanced brackets, braces and parentheses outside strings and comments', () => {
  for (const source of ALL) checkBrackets(source);
});

test('every parameter is used, and every name a file dereferences is declared in it', () => {
  for (const source of ALL) {
    const unused = [...params(source).keys()].filter((p) => uses(source, p) === 0);
    assert.deepEqual(unused, [], `${source.file}: parameters nobody reads (drift between a module and its caller?)`);
    const known = symbols(source);
    const unknown = [...source.code.matchAll(/(?<![.\w])([a-z]\w*)\.\w+/g)].map((m) => m[1]).filter((n) => !known.has(n));
    assert.deepEqual([...new Set(unknown)], [], `${source.file}: dereferenced but not declared`);
  }
});

test('each module call passes exactly the module\'s parameters (all without a default) and reads only its outputs', () => {
  const calls = moduleCalls(MAIN);
  assert.deepEqual(calls.map((c) => c.path).sort(), MODULES.map((m) => m.file).sort(), 'main.bicep calls every module once');
  for (const call of calls) {
    const module = MODULES.find((m) => m.file === call.path)!;
    const declaredParams = params(module);
    assert.deepEqual(call.passed.filter((p) => !declaredParams.has(p)), [], `${call.name}: passes parameters ${call.path} does not declare`);
    const missing = [...declaredParams].filter(([p, hasDefault]) => !hasDefault && !call.passed.includes(p)).map(([p]) => p);
    assert.deepEqual(missing, [], `${call.name}: leaves required parameters of ${call.path} unset`);
    const outputs = new Set(declared(module, 'output'));
    const read = [...MAIN.code.matchAll(new RegExp(`(?<![.\\w])${call.name}\\.outputs\\.(\\w+)`, 'g'))].map((m) => m[1]);
    assert.deepEqual(read.filter((o) => !outputs.has(o)), [], `${call.name}: reads outputs ${call.path} does not declare`);
  }
});

test('main.parameters.json sets only parameters main.bicep declares, and every one without a default', () => {
  const file = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
  const mainParams = params(MAIN);
  const given = Object.keys(file.parameters);
  assert.deepEqual(given.filter((p) => !mainParams.has(p)), [], 'unknown parameters');
  assert.deepEqual([...mainParams].filter(([p, hasDefault]) => !hasDefault && !given.includes(p)).map(([p]) => p), [], 'required parameters not set');
});

test('every resource names a provider type and an API version of the form YYYY-MM-DD[-preview] that is a real date', () => {
  let count = 0;
  for (const source of ALL) {
    for (const m of source.code.matchAll(/^resource (\w+) '/gm)) {
      const type = /^resource \w+ '([^']+)'/.exec(source.text.slice(m.index))![1];
      const parsed = /^[A-Z][A-Za-z]+\.[A-Za-z]+(\/[A-Za-z]+)+@((\d{4})-(\d{2})-(\d{2}))(-preview)?$/.exec(type);
      assert.ok(parsed, `${source.file}: resource ${m[1]} has type '${type}'`);
      const day = new Date(`${parsed[2]}T00:00:00Z`);
      assert.equal(day.toISOString().slice(0, 10), parsed[2], `${source.file}: ${type} is not a calendar date`);
      assert.ok(day.getUTCFullYear() >= 2014, `${source.file}: ${type} predates Azure Resource Manager`);
      count++;
    }
  }
  assert.ok(count >= 15, `found ${count} resources`);
});
