import type { Server } from 'restify';
import { StaffCore } from '../staffCore';
import { registerAuditRoutes } from './auditRoutes';
import { registerFlagRoutes } from './flagRoutes';
import { registerLessonRoutes } from './lessonRoutes';
import { registerMeasureSettingsRoutes } from './measureSettingsRoutes';
import { registerOidcRoutes } from './oidcRoutes';
import { StaffGuard } from './guard';
import { registerParticipantRoutes } from './participantRoutes';
import { registerReportRoutes } from './reportRoutes';
import { registerSafetyPlanRoutes } from './safetyPlanRoutes';
import { registerSignInRoutes } from './signInRoutes';
import { registerThreadRoutes } from './threadRoutes';

/**
 * The care team's door: /staff pages, /api/staff JSON, static assets. Every
 * route but sign-in goes through StaffGuard (session, CSRF, role, errors);
 * each view of participant data and each action writes an audit event.
 */
export class StaffRoutes {
  constructor(private readonly core: StaffCore) {}

  register(server: Server): void {
    const guard = new StaffGuard(this.core, server);
    guard.registerAssets();
    registerSignInRoutes(guard, this.core);
    if (this.core.oidc) registerOidcRoutes(guard, this.core, this.core.oidc);
    registerFlagRoutes(guard, this.core);
    registerParticipantRoutes(guard, this.core);
    registerSafetyPlanRoutes(guard, this.core);
    registerThreadRoutes(guard, this.core);
    registerAuditRoutes(guard, this.core);
    registerReportRoutes(guard, this.core);
    registerLessonRoutes(guard, this.core);
    registerMeasureSettingsRoutes(guard, this.core);
  }
}
