/** The vocabulary of the risk screen's answer (see bot/safety/risk.ts). */
export type RiskTier = 'crisis' | 'possible_risk' | 'none';
export type DangerKind = 'suicide' | 'self_harm' | 'overdose' | 'danger_from_other' | 'other_at_risk';
export type Means = 'pills' | 'gun' | 'rope' | 'knife' | 'car' | 'height' | 'drugs';
