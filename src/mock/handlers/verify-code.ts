import { http } from 'msw';
import { z } from 'zod';
import type { EngineError } from '../../engine/index.ts';
import { invalid } from '../../engine/errors.ts';
import { isSendAlias } from '../../engine/send-aliases.ts';
import type { MockApi } from '../api.ts';
import { endpoint, withBody } from '../http.ts';

/** Seed 004's body: the code, beside the `*_send_email` switches any action takes. */
const verifyCodeInput = z
  .object({ verification_code: z.union([z.string().trim().min(1).max(20), z.number()]) })
  .catchall(z.boolean())
  .refine(
    (body) => Object.keys(body).every((key) => key === 'verification_code' || isSendAlias(key)),
    {
      message: 'only verification_code and the *_send_email / *_send_sms switches are read',
    },
  );

const CODE_PATH = 'verify.code';

/**
 * The engine names the code `verify.code`, in a refusal of one detail (machine.ts); this
 * endpoint's caller sent `verification_code`. Any other refusal passes as it came.
 */
function inCallersWords(error: unknown): unknown {
  const detail = (error as Partial<EngineError>).details?.[0];
  return detail?.path === CODE_PATH ? invalid('verification_code', detail.message) : error;
}

/**
 * Makeplans' `PUT /bookings/:id/verify_code` with `{ verification_code }`: the `verify` action
 * with the code always checked, for the owner too (its plain `verify` may skip the code). Wrong
 * codes count towards the lock-out exactly as through `verify`. Register before `/:id/:action`.
 */
export function verifyCodeHandler(api: MockApi) {
  return http.put(
    `${api.baseUrl}/bookings/:id/verify_code`,
    endpoint(
      api,
      'public',
      withBody(verifyCodeInput, ({ params, actor, body }) => {
        const { verification_code, ...switches } = body;
        try {
          return {
            data: api.engine.performAction(
              params.id!,
              'verify',
              { ...switches, verify: { code: String(verification_code) } },
              actor,
            ),
          };
        } catch (error) {
          throw inCallersWords(error);
        }
      }),
    ),
  );
}
