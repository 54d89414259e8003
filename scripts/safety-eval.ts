/**
 * npm run safety:eval — the risk screen on the test split
 * (test/safety/data/*.test.jsonl, which training never reads): recall and
 * false alarms per language, per kind and per labelled tier, and the time
 * per message. Prints figures only, never message text.
 */
import { assessRisk } from '../bot/safety/risk';
import { loadSplit } from './safety/dataset';
import { Outcome } from './safety/metrics';
import { printReport } from './safety/report';

const rows = loadSplit('test');
if (rows.length === 0) {
  console.error('no test split found (test/safety/data/*.test.jsonl)');
  process.exit(1);
}
// One pass first: the regular expressions compile to machine code on first use; a running bot is past that.
for (const row of rows) assessRisk(row.text);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const outcomes: Outcome[] = rows.map((row) => ({ row, ...assessRisk(row.text) }));
const perMessageMs = Number(process.hrtime.bigint() - started) / 1e6 / rows.length;
const cpu = process.cpuUsage(cpuStarted);
const cpuPerMessageMs = (cpu.user + cpu.system) / 1000 / rows.length;
printReport(`risk screen on the test split (${rows.length} messages)`, outcomes);
console.log(`\ntime per message: ${perMessageMs.toFixed(3)} ms wall, ${cpuPerMessageMs.toFixed(3)} ms CPU (goal < 1 ms)`);
