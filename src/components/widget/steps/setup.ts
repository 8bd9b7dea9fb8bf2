import { html } from 'lit';
import type { ConfigProblem, Problem } from '../../../flow/index.ts';
import { describeError } from '../errors.ts';
import type { WidgetView } from '../view.ts';

/** Before the journey: the configuration loading, wrong (for the site owner), or unreachable. */
export function loading(view: WidgetView) {
  return html`<p class="loading" role="status">${view.t.widget.configLoading}</p>`;
}

export function misconfigured(view: WidgetView, problems: ConfigProblem[]) {
  return html`<div part="config-error" class="config-error" role="alert">
    <p><strong>${view.t.widget.configProblem}</strong></p>
    <ul>
      ${problems.map((problem) => html`<li><code>${problem.setting}</code> ${problem.message}</li>`)}
    </ul>
  </div>`;
}

export function failed(view: WidgetView, error: Problem) {
  const t = view.t;
  return html`<div role="alert">
    <p>${t.widget.configFailed} ${describeError(error, t)}</p>
    <button part="button" class="button" @click=${view.on.retryConfig}>${t.common.retry}</button>
  </div>`;
}
