import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';

/**
 * Registers the OpenTelemetry SDK with the Application Insights exporter
 * (traces, metrics, and HTTP client/server spans from its instrumentation).
 * Called by the process entry before the app is built, and only with a
 * connection string: without one nothing is registered and bot/telemetry
 * stays the API's no-op. Logs stay with pino (stdout); the distro's log
 * instrumentations are left off so no log line is sent twice or unredacted.
 * Returns the flush-and-stop for shutdown.
 */
export function startAzureMonitor(connectionString: string): () => Promise<void> {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  return () => shutdownAzureMonitor();
}
