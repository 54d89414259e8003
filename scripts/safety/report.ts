/**
 * Prints the figures of a set of outcomes: per language, per kind, per
 * labelled tier. Figures only, never message text.
 */
import { byLanguage, figures, groupBy, Outcome, percent } from './metrics';
import { classOf } from './dataset';

export function printReport(title: string, outcomes: readonly Outcome[]): void {
  console.log(`\n${title}`);
  for (const [language, group] of byLanguage(outcomes)) {
    const f = figures(group);
    console.log(
      `[${language}] ${f.crisis} crisis / ${f.benign} benign · crisis-or-question on crisis ${percent(f.recallEither)} (goal ≥ 97%)` +
        ` · crisis tier on crisis-tier messages ${percent(f.recallCrisisTier)} · kind right ${percent(f.kindAccuracy)}` +
        ` · crisis tier on everyday+idioms ${percent(f.crisisOnEveryday)} (≤ 2%) · on all benign ${percent(f.crisisOnBenign)} (≤ 10%)` +
        ` · either tier on benign ${percent(f.eitherOnBenign)} (≤ 25%)`,
    );
    for (const [kind, rows] of groupBy(group, (o) => `${o.row.label} ${o.row.kind}`)) {
      const n = rows.length;
      const crisis = rows.filter((o) => o.tier === 'crisis').length;
      const either = rows.filter((o) => o.tier !== 'none').length;
      const kindRight = rows[0].row.label === 'crisis' ? ` · kind right ${percent(rows.filter((o) => o.kind === classOf(o.row)).length / Math.max(1, either))}` : '';
      console.log(`    ${kind.padEnd(34)} n=${String(n).padStart(3)} · crisis tier ${percent(crisis / n).padStart(6)} · either tier ${percent(either / n).padStart(6)}${kindRight}`);
    }
    for (const [tier, rows] of groupBy(group, (o) => o.row.tier)) {
      const counts = ['crisis', 'possible_risk', 'none'].map((t) => `${t} ${rows.filter((o) => o.tier === t).length}`).join(', ');
      console.log(`    labelled tier ${tier.padEnd(9)} n=${String(rows.length).padStart(3)} → ${counts}`);
    }
  }
}
