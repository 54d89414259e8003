import { Attributes, Counter, Histogram, metrics, MeterProvider, Span, SpanStatusCode, trace, Tracer, TracerProvider } from '@opentelemetry/api';

/**
 * Puente's traces and metrics, through the OpenTelemetry API only. With no SDK
 * registered (no APPLICATIONINSIGHTS_CONNECTION_STRING) every call here is the
 * API's no-op; bot/telemetry/azureMonitor.ts registers the SDK when one is set.
 *
 * Attributes carry codes and counts only: never message text, names, phone
 * numbers, emails or any participant, user or conversation id.
 */

const SCOPE = 'puente';

let tracing: { provider: TracerProvider; tracer: Tracer } | undefined;

/** The tracer of the provider registered now (a tracer keeps the provider it came from, even once that one is replaced). */
function tracer(): Tracer {
  const provider = trace.getTracerProvider();
  if (tracing?.provider !== provider) tracing = { provider, tracer: provider.getTracer(SCOPE) };
  return tracing.tracer;
}

/** The named instruments. */
export interface Instruments {
  /** One turn, from the runner taking it to its replies released (ms); channel, dialog, outcome. */
  turnDuration: Histogram;
  /** Proactive messages by outcome (sent, failed, skipped) and reason. */
  outreachMessages: Counter;
  /** Flags raised (new, risen or reopened) by severity and source. */
  flagsRaised: Counter;
  /** Seconds from an urgent flag being raised to someone acknowledging it. */
  urgentAckSeconds: Histogram;
}

let made: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The instruments of the meter provider registered now. The metrics API has no
 * proxy (a meter taken before the SDK registers stays a no-op), so they are
 * made on first use and again if the provider changes (tests register their own).
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (made?.provider !== provider) {
    const meter = provider.getMeter(SCOPE);
    made = {
      provider,
      instruments: {
        turnDuration: meter.createHistogram('puente.turn.duration', { unit: 'ms', description: 'Message turn latency' }),
        outreachMessages: meter.createCounter('puente.outreach.messages', { description: 'Proactive messages sent, failed or skipped, by reason' }),
        flagsRaised: meter.createCounter('puente.flags.raised', { description: 'Flags raised, by severity' }),
        urgentAckSeconds: meter.createHistogram('puente.flags.urgent_ack_delay', { unit: 's', description: 'Time from an urgent flag to its acknowledgment' }),
      },
    };
  }
  return made.instruments;
}

/**
 * Runs `work` in an active span (so store operations and outbound calls inside
 * it become its children). A thrown error marks the span by its type only: an
 * error message may quote what a person wrote.
 */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.constructor.name : 'error' });
      throw err;
    } finally {
      span.end();
    }
  });
}

