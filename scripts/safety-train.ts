/**
 * npm run safety:train — trains the risk classifier on the training split
 * (test/safety/data/*.train.jsonl), chooses the tier thresholds by 5-fold
 * cross-validation on that split, and writes bot/safety/risk/weights.json.
 * Deterministic: the same data gives the same file, byte for byte.
 * `--misses` also lists the training messages cross-validation got wrong.
 * `--check` writes nothing and exits 1 when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printReport } from './safety/report';
import { trainWeights } from './safety/training';

const WEIGHTS_FILE = join(__dirname, '..', 'bot', 'safety', 'risk', 'weights.json');

const started = Date.now();
const { json, summary, outOfFold } = trainWeights();
printReport('cross-validated on the training split (5 folds)', outOfFold);
if (process.argv.includes('--misses')) {
  // Training messages only: what to look at when improving the grammar.
  for (const o of outOfFold) {
    const missed = o.row.label === 'crisis' && o.tier === 'none';
    const alarm = o.row.label === 'benign' && o.tier === 'crisis';
    if (missed || alarm) console.log(`${missed ? 'MISSED' : 'ALARM '} ${o.row.language} ${o.row.kind} ${o.reason}: ${o.row.text}`);
  }
}
if (process.argv.includes('--check')) {
  const same = readFileSync(WEIGHTS_FILE, 'utf8') === json;
  console.log(same ? 'weights.json is what safety:train writes' : 'weights.json differs from a fresh training run');
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(WEIGHTS_FILE, json);
  console.log(`${summary}\nwrote ${WEIGHTS_FILE} (${(json.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
