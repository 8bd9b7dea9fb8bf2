import type { DecisionView } from '../engine/decisions.ts';

/**
 * The small page a decision link opens (`GET /v2/decisions/:token`): what is asked and one
 * form button that POSTs the decision. No script, so it works in any mail client's browser,
 * and a mail scanner that prefetches the link only reads. Every value is escaped by `page`.
 */

class Markup {
  constructor(readonly text: string) {}
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A tagged template that escapes every interpolated value unless it is already Markup. */
function page(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0]!;
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts)
      text +=
        part instanceof Markup
          ? part.text
          : String(part ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);
    text += strings[index + 1]!;
  });
  return new Markup(text);
}

const REFUSALS: Record<string, { title: string; text: string; status: number }> = {
  invalid: {
    title: 'This link is not valid',
    text: 'It may be incomplete or altered. Nothing was changed. Open the booking in your dashboard instead.',
    status: 404,
  },
  expired: {
    title: 'This link has expired',
    text: 'Decision links work for 7 days. Nothing was changed. Open the booking in your dashboard instead.',
    status: 410,
  },
  decided: {
    title: 'Already decided',
    text: 'This link was used, or the request was decided another way. Nothing was changed.',
    status: 409,
  },
};

export function decisionPage(
  view: DecisionView,
  formAction: string,
): { status: number; html: string } {
  const booking = view.booking;
  const facts = booking
    ? page`<dl>
        <dt>What</dt><dd>${booking.what}</dd>
        ${booking.start ? page`<dt>When (UTC)</dt><dd>${booking.start} to ${booking.end}</dd>` : ''}
        ${booking.customer ? page`<dt>Customer</dt><dd>${booking.customer}</dd>` : ''}
        <dt>State</dt><dd>${booking.state}</dd>
      </dl>`
    : '';
  const verb = view.action === 'decline' ? 'Decline' : 'Confirm';
  let status = 200;
  let body: Markup;
  if (view.outcome === 'ready') {
    body = page`<h1>${verb} this booking request?</h1>${facts}
      <form method="post" action="${formAction}">
        <button type="submit">${verb} the booking</button>
      </form>
      <p>The link works once, until ${view.expires_at}.</p>`;
  } else if (view.outcome === 'applied') {
    body = page`<h1>Done: the booking is ${view.action === 'decline' ? 'declined' : 'confirmed'}</h1>${facts}
      <p>The customer has been told by email.</p>`;
  } else {
    const refusal = REFUSALS[view.outcome]!;
    status = refusal.status;
    body = page`<h1>${refusal.title}</h1><p>${refusal.text}</p>${facts}`;
  }
  const html = page`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Booking decision</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
      dt { font-weight: 600; }
      button { font: inherit; padding: 0.5rem 1rem; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>
`;
  return { status, html: html.text };
}
