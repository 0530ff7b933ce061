import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { DENIAL_REASONS, denialMessageKey } from '../../../bot/domain/denial.js';
import { eventLabelKey, REGISTRATION_EVENTS, REGISTRATION_STATUSES, statusLabelKey } from '../../../bot/domain/registration-status.js';
import { ROLES } from '../../../bot/domain/roles.js';
import { ACTORS, PAYLOADS, machine, registration } from './domain-fixtures.js';

function bundle(locale: 'vi' | 'en'): FluentBundle {
  const text = readFileSync(fileURLToPath(new URL(`../../../locales/${locale}/domain.ftl`, import.meta.url)), 'utf8');
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(text));
  expect(errors).toEqual([]);
  return b;
}

const REQUIRED = [
  ...REGISTRATION_STATUSES.map(statusLabelKey),
  ...REGISTRATION_EVENTS.map(eventLabelKey),
  ...REGISTRATION_EVENTS.map((e) => `notify-${e.replace(/_/g, '-')}`),
  ...REGISTRATION_EVENTS.map((e) => `confirm-${e.replace(/_/g, '-')}`),
  ...DENIAL_REASONS.map(denialMessageKey),
  ...ROLES.map((r) => `role-${r}`),
  'warn-late-submission',
  'warn-late-report',
  'warn-decision-number-format',
  'calendar-not-configured',
];

describe.each(['vi', 'en'] as const)('locales/%s/domain.ftl', (locale) => {
  const b = bundle(locale);
  it('has every message the domain refers to', () => {
    expect(REQUIRED.filter((k) => !b.hasMessage(k))).toEqual([]);
  });

  it('renders a refusal with its reason and what is allowed now', () => {
    const o = machine.apply({ event: 'recognize', actor: ACTORS.cadreCN, channel: 'console', registration: registration('accepted'), payload: PAYLOADS.recognize });
    expect(o.ok).toBe(false);
    if (o.ok) return;
    const label = (k: string) => b.formatPattern(b.getMessage(k)!.value!);
    const errors: Error[] = [];
    const text = b.formatPattern(b.getMessage(o.error.messageKey)!.value!, o.error.withAllowedLabels(label), errors);
    expect(errors).toEqual([]);
    expect(text).toContain(locale === 'vi' ? 'Đã tiếp nhận' : 'Accepted');
    expect(text).toContain(label('event-withdraw'));
  });
});
