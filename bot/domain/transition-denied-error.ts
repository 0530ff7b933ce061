import { AppError } from '../core/app-error.js';
import { denialMessageKey, type Denial, type DenialReason } from './denial.js';
import type { RegistrationEvent, RegistrationStatus } from './registration-status.js';

/**
 * A refused status transition. `messageKey` (`err-<reason>`) explains in Vietnamese why;
 * `allowedEvents` are what this actor can do now, for buttons and for the `$allowed`
 * argument (see {@link withAllowedLabels}).
 */
export class TransitionDeniedError extends AppError {
  override readonly name = 'TransitionDeniedError';
  readonly reason: DenialReason;

  constructor(
    denial: Denial,
    readonly event: RegistrationEvent,
    readonly status: RegistrationStatus | null,
    readonly allowedEvents: readonly RegistrationEvent[],
  ) {
    super(
      denialMessageKey(denial.reason),
      `Transition "${event}" from "${status ?? 'new'}" refused: ${denial.reason}`,
      allowedEvents.length > 0 ? `allowed now: ${allowedEvents.join(', ')}` : 'nothing is allowed for this actor now',
      { ...denial.args, event, status: status ?? 'new', allowed: allowedEvents.join(', ') },
    );
    this.reason = denial.reason;
  }

  /** Message args with `$allowed` rendered through the caller's translator (`event-*` labels). */
  withAllowedLabels(translate: (messageKey: string) => string, emptyLabel = '—'): Record<string, string | number> {
    const labels = this.allowedEvents.map((e) => translate(`event-${e.replace(/_/g, '-')}`));
    return { ...this.args, allowed: labels.length > 0 ? labels.join(', ') : emptyLabel };
  }
}
