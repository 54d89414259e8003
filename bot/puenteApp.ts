import type { OutreachFeature } from './outreach/feature';
import type { StaffFeature } from './staff/staffFeature';
import type { Feature, FeatureContext } from './features';

/** A built app (bot/app.ts createApp): its parts, its features by name and type, and its lifecycle. */
export interface PuenteApp extends FeatureContext {
  features: Feature[];
  /** The outreach engine: operator commands run its tick directly. */
  outreach: OutreachFeature;
  staff: StaffFeature;
  /** Starts listening; resolves with the base URL. */
  listen(port?: number): Promise<string>;
  /**
   * Stops accepting (503), lets requests in flight finish for up to
   * config.shutdownGraceMs, stops background work, closes the store. Resolves
   * true when nothing in flight was cut off.
   */
  close(): Promise<boolean>;
}
