import type { MigrationInterface } from "typeorm";
import { InitialSchema1795941002932 } from "./migrations/1795941002932-InitialSchema";
import { UsersEmailUniqueIgnoringCase1795941100000 } from "./migrations/1795941100000-UsersEmailUniqueIgnoringCase";
import { AuditLogAppendOnly1795941200000 } from "./migrations/1795941200000-AuditLogAppendOnly";
import { FeedbackOncePerOrderLine1795942100353 } from "./migrations/1795942100353-FeedbackOncePerOrderLine";
import { TrustEventCancelled1795949576848 } from "./migrations/1795949576848-TrustEventCancelled";
import { OneOpenCyclePerGroup1795950000000 } from "./migrations/1795950000000-OneOpenCyclePerGroup";
import { ImpactViews1795960000000 } from "./migrations/1795960000000-ImpactViews";
import { ExportFiles1795960150547 } from "./migrations/1795960150547-ExportFiles";

/**
 * The committed migrations, oldest first. Schema changes happen only through these: generated
 * ones (`node dist/database/generate-migration.js <Name>`, see generate-migration.ts) and
 * hand-written ones for what TypeORM cannot declare (expression indexes, triggers).
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  InitialSchema1795941002932,
  UsersEmailUniqueIgnoringCase1795941100000,
  AuditLogAppendOnly1795941200000,
  FeedbackOncePerOrderLine1795942100353,
  TrustEventCancelled1795949576848,
  OneOpenCyclePerGroup1795950000000,
  ImpactViews1795960000000,
  ExportFiles1795960150547,
];
