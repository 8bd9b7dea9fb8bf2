import { http } from 'msw';
import { webhookInput } from '../../engine/webhooks.ts';
import type { MockApi } from '../api.ts';
import { endpoint, withBody, withQuery } from '../http.ts';

/** The owner's webhook registry: register, list, unregister, and each one's delivery attempts. */
export function webhookHandlers(api: MockApi) {
  const base = `${api.baseUrl}/webhooks`;
  const { webhooks } = api.engine;
  return [
    http.post(
      base,
      endpoint(
        api,
        'owner',
        withBody(webhookInput, ({ body, actor }) => ({
          status: 201,
          data: webhooks.create(body, actor),
        })),
      ),
    ),
    http.get(
      base,
      endpoint(
        api,
        'owner',
        withQuery([], ({ actor }) => ({ data: webhooks.list(actor) })),
      ),
    ),
    http.delete(
      `${base}/:id`,
      endpoint(api, 'owner', ({ params, actor }) => ({ data: webhooks.delete(params.id!, actor) })),
    ),
    http.get(
      `${base}/:id/deliveries`,
      endpoint(
        api,
        'owner',
        withQuery([], ({ params, actor }) => ({ data: webhooks.deliveries(params.id!, actor) })),
      ),
    ),
  ];
}
