import type { Actor } from './access.ts';
import { EngineError, invalid } from './errors.ts';
import type { ActionDefinition, StepDefinition } from './graphs/types.ts';

/**
 * Seed 004's message switches (`confirmation_send_email: false`, ...) as aliases of our step
 * toggles (`{ "<step>": { "enabled": false } }`). Timekit's toggles stay the contract; these are
 * accepted beside them, from the owner key only (like the toggles of owner-facing steps).
 * The mock sends no SMS and always emails a verification code, so the `*_send_sms`,
 * `verification_send_email` and `modification_send_email` switches are accepted and change nothing.
 */

const ALIAS =
  /^(confirmation|notification|decline|cancellation|verification|modification)_send_(email|sms)$/;

const isEmail = (step: StepDefinition, to: 'owner' | 'customer') =>
  step.effect?.type === 'email' && step.effect.to === to;

/** Which of an action's email steps each Makeplans switch stands for. */
const EMAIL_STEPS: Record<string, (step: StepDefinition) => boolean> = {
  confirmation: (step) => isEmail(step, 'customer') && step.name.includes('confirmed'),
  notification: (step) => isEmail(step, 'owner') && /notification|confirm_decline/.test(step.name),
  decline: (step) => isEmail(step, 'customer') && step.name.includes('declined'),
  cancellation: (step) => isEmail(step, 'customer') && step.name.includes('cancelled'),
};

export function isSendAlias(key: string): boolean {
  return ALIAS.test(key);
}

/** The body without its Makeplans switches, plus the step toggles they stand for. */
export function expandSendAliases(
  body: Record<string, unknown>,
  actions: readonly ActionDefinition[],
  actor: Actor,
): Record<string, unknown> {
  const aliases = Object.keys(body).filter(isSendAlias);
  if (!aliases.length) return body;
  if (actor.role === 'public') {
    throw new EngineError(
      'field_not_allowed',
      `A widget key may not set ${aliases.join(', ')}: only the owner key switches messages.`,
      aliases.map((path) => ({ path, message: 'only the owner key may set it' })),
    );
  }
  const result = Object.fromEntries(Object.entries(body).filter(([key]) => !isSendAlias(key)));
  for (const key of aliases) {
    const enabled = body[key];
    if (typeof enabled !== 'boolean') throw invalid(key, 'must be true or false');
    const [, kind, channel] = ALIAS.exec(key)!;
    const pick = channel === 'email' ? EMAIL_STEPS[kind!] : undefined;
    if (!pick) continue;
    const steps = actions.flatMap((action) => action.steps).filter(pick);
    if (!steps.length) throw invalid(key, 'this action sends no such email');
    for (const step of steps) result[step.name] ??= { enabled };
  }
  return result;
}
